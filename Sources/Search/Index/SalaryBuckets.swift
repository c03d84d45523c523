import JobPostings

/// Which salary facet buckets a posting's yearly range overlaps, as bits (bounds inclusive, the
/// same rule as the salary filter, so a bucket's count is what filtering by it returns).
enum SalaryBuckets {
    static let from = SalaryRangeCount.bounds.map { Int64($0.from) }
    static let to = SalaryRangeCount.bounds.map { $0.to.map(Int64.init) ?? .max }

    static func mask(minimum: Int64, maximum: Int64) -> UInt8 {
        guard let range = SalaryRange(minimum: minimum, maximum: maximum) else { return 0 }
        var mask: UInt8 = 0
        for bucket in from.indices where range.high >= from[bucket] && range.low <= to[bucket] {
            mask |= 1 << UInt8(bucket)
        }
        return mask
    }
}

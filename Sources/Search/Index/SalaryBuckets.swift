import JobPostings

/// Which salary facet buckets a posting's yearly range overlaps, as bits (bounds inclusive, the
/// same rule as the salary filter, so a bucket's count is what filtering by it returns).
enum SalaryBuckets {
    static let from = SalaryRangeCount.bounds.map { Int64($0.from) }
    static let to = SalaryRangeCount.bounds.map { $0.to.map(Int64.init) ?? .max }

    static func mask(_ range: SalaryRange?) -> UInt8 {
        guard let range else { return 0 }
        var mask: UInt8 = 0
        for bucket in from.indices where range.high >= from[bucket] && range.low <= to[bucket] {
            mask |= 1 << UInt8(bucket)
        }
        return mask
    }
}

extension UnsafeMutableBufferPointer<Int> {
    /// Counts one posting in every bucket of `mask`.
    @inline(__always)
    func addBuckets(_ mask: UInt8) {
        var remaining = mask
        while remaining != 0 {
            self[remaining.trailingZeroBitCount] += 1
            remaining &= remaining &- 1
        }
    }
}

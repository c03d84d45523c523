import JobPostings

/// Which salary facet buckets a posting's yearly range overlaps, as bits (bounds inclusive, the
/// same rule as the salary filter, so a bucket's count is what filtering by it returns).
enum SalaryBuckets {
    static let from = SalaryRangeCount.bounds.map { Int64($0.from) }
    static let to = SalaryRangeCount.bounds.map { $0.to.map(Int64.init) ?? .max }

    /// Per bucket, the documents whose range overlaps it.
    static func sets(_ ranges: [SalaryRange?]) -> [Bitset] {
        var sets = [Bitset](repeating: Bitset(count: ranges.count), count: from.count)
        for (document, range) in ranges.enumerated() {
            guard let range else { continue }
            for bucket in from.indices where range.high >= from[bucket] && range.low <= to[bucket] {
                sets[bucket].insert(document)
            }
        }
        return sets
    }
}

import JobPostings

/// Counts facet values over sets of documents of one segment.
struct FacetTally {
    private(set) var locationCounts: [Int32]
    private(set) var companyCounts: [Int32]
    private(set) var typeCounts: [Int32]
    private(set) var remoteCounts = [0, 0]
    private(set) var salaryCounts = [Int](repeating: 0, count: SalaryRangeCount.bounds.count)
    private static let bucketFrom = SalaryRangeCount.bounds.map { Int64($0.from) }
    private static let bucketTo = SalaryRangeCount.bounds.map { $0.to.map(Int64.init) ?? .max }

    init(_ segment: Segment) {
        locationCounts = [Int32](repeating: 0, count: segment.location.values.count)
        companyCounts = [Int32](repeating: 0, count: segment.company.values.count)
        typeCounts = [Int32](repeating: 0, count: segment.employmentType.values.count)
    }

    mutating func count(_ facet: SegmentFilterMasks.Facet, over documents: Bitset, in segment: Segment) {
        switch facet {
        case .location: Self.tally(segment.location.ordinals, documents, into: &locationCounts)
        case .company: Self.tally(segment.company.ordinals, documents, into: &companyCounts)
        case .employmentType: Self.tally(segment.employmentType.ordinals, documents, into: &typeCounts)
        case .remote:
            let remote = documents.intersection(segment.remote).cardinality
            remoteCounts[1] += remote
            remoteCounts[0] += documents.cardinality - remote
        case .salary:
            segment.minSalary.withUnsafeBufferPointer { minimum in
                segment.maxSalary.withUnsafeBufferPointer { maximum in
                    documents.forEach { document in
                        guard let range = SalaryRange(minimum: minimum[document], maximum: maximum[document]) else { return }
                        for bucket in 0..<salaryCounts.count where range.high >= Self.bucketFrom[bucket] && range.low <= Self.bucketTo[bucket] {
                            salaryCounts[bucket] += 1
                        }
                    }
                }
            }
        }
    }

    private static func tally(_ ordinals: [UInt32], _ documents: Bitset, into counts: inout [Int32]) {
        ordinals.withUnsafeBufferPointer { ordinals in
            counts.withUnsafeMutableBufferPointer { counts in
                documents.forEach { counts[Int(ordinals[$0])] += 1 }
            }
        }
    }
}

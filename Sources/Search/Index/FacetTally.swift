import JobPostings

/// Counts facet values over sets of documents of one segment.
struct FacetTally {
    private(set) var locationCounts: [Int32]
    private(set) var companyCounts: [Int32]
    private(set) var typeCounts: [Int32]
    private(set) var remoteCounts = [0, 0]
    private(set) var salaryCounts = [Int](repeating: 0, count: SalaryRangeCount.bounds.count)

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
            let remote = documents.intersectionCount(segment.remote)
            remoteCounts[1] += remote
            remoteCounts[0] += documents.cardinality - remote
        case .salary:
            Self.tallyBuckets(segment.salaryBuckets, documents, into: &salaryCounts)
        }
    }

    /// Every facet over the same documents in one pass (the usual case: no facet has a filter).
    mutating func countAll(over documents: Bitset, in segment: Segment) {
        let remote = documents.intersectionCount(segment.remote)
        remoteCounts[1] += remote
        remoteCounts[0] += documents.cardinality - remote
        segment.location.ordinals.withUnsafeBufferPointer { locations in
            segment.company.ordinals.withUnsafeBufferPointer { companies in
                segment.employmentType.ordinals.withUnsafeBufferPointer { types in
                    segment.salaryBuckets.withUnsafeBufferPointer { buckets in
                        locationCounts.withUnsafeMutableBufferPointer { locationCounts in
                            companyCounts.withUnsafeMutableBufferPointer { companyCounts in
                                typeCounts.withUnsafeMutableBufferPointer { typeCounts in
                                    salaryCounts.withUnsafeMutableBufferPointer { salaryCounts in
                                        documents.forEach { document in
                                            locationCounts[Int(locations[document])] += 1
                                            companyCounts[Int(companies[document])] += 1
                                            typeCounts[Int(types[document])] += 1
                                            salaryCounts.addBuckets(buckets[document])
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func tallyBuckets(_ buckets: [UInt8], _ documents: Bitset, into counts: inout [Int]) {
        buckets.withUnsafeBufferPointer { buckets in
            counts.withUnsafeMutableBufferPointer { counts in
                documents.forEach { counts.addBuckets(buckets[$0]) }
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

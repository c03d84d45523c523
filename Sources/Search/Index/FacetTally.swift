import JobPostings

/// Counts facet values over sets of documents of one segment.
struct FacetTally {
    private(set) var locationCounts: [Int32]
    private(set) var companyCounts: [Int32]
    private(set) var typeCounts: [Int32]
    private(set) var skillCounts: [Int32]
    private(set) var remoteCounts = [0, 0]
    private(set) var salaryCounts = [Int](repeating: 0, count: SalaryRangeCount.bounds.count)

    init(_ segment: Segment) {
        locationCounts = [Int32](repeating: 0, count: segment.location.values.count)
        companyCounts = [Int32](repeating: 0, count: segment.company.values.count)
        typeCounts = [Int32](repeating: 0, count: segment.employmentType.values.count)
        skillCounts = [Int32](repeating: 0, count: segment.skills.values.count)
    }

    mutating func count(_ facet: SegmentFilterMasks.Facet, over documents: Bitset, in segment: Segment) {
        switch facet {
        case .location:
            Self.tally(segment.location.ordinals, histogram: segment.locationHistogram, documents,
                       coversMost: documents.holdsMost, into: &locationCounts)
        case .company:
            Self.tally(segment.company.ordinals, histogram: segment.companyHistogram, documents,
                       coversMost: documents.holdsMost, into: &companyCounts)
        case .employmentType: Self.tally(segment.employmentTypeSets, documents, into: &typeCounts)
        case .remote:
            let remote = documents.intersectionCount(segment.remote)
            remoteCounts[1] += remote
            remoteCounts[0] += documents.cardinality - remote
        case .salary:
            for (bucket, set) in segment.salaryBucketSets.enumerated() { salaryCounts[bucket] += documents.intersectionCount(set) }
        case .skills:
            // Few results: count every skill of each. Many: count the segment's most asked-for skills by
            // intersection; a skill outside those is then too rare here to reach the facet's top values.
            if documents.cardinality * 16 < segment.count {
                segment.skills.tally(documents, into: &skillCounts)
            } else {
                for (ordinal, set) in segment.frequentSkillSets { skillCounts[ordinal] += Int32(set.intersectionCount(documents)) }
            }
        }
    }

    /// Every facet over the same documents (the usual case: no facet has a filter). Facets with few
    /// values are counted by set intersections; location and company by one pass over the documents.
    mutating func countAll(over documents: Bitset, in segment: Segment) {
        for facet in [SegmentFilterMasks.Facet.remote, .employmentType, .salary, .skills] { count(facet, over: documents, in: segment) }
        if documents.holdsMost {
            Self.tally(segment.location.ordinals, histogram: segment.locationHistogram, documents, coversMost: true, into: &locationCounts)
            Self.tally(segment.company.ordinals, histogram: segment.companyHistogram, documents, coversMost: true, into: &companyCounts)
            return
        }
        segment.location.ordinals.withUnsafeBufferPointer { locations in
            segment.company.ordinals.withUnsafeBufferPointer { companies in
                locationCounts.withUnsafeMutableBufferPointer { locationCounts in
                    companyCounts.withUnsafeMutableBufferPointer { companyCounts in
                        documents.forEach { document in
                            locationCounts[Int(locations[document])] += 1
                            companyCounts[Int(companies[document])] += 1
                        }
                    }
                }
            }
        }
    }

    private static func tally(_ sets: [Bitset], _ documents: Bitset, into counts: inout [Int32]) {
        for (ordinal, set) in sets.enumerated() { counts[ordinal] += Int32(documents.intersectionCount(set)) }
    }

    /// Counts each ordinal over `documents`: one pass over them, or for most of the segment its
    /// histogram less the documents left out.
    private static func tally(
        _ ordinals: [UInt32], histogram: [Int32], _ documents: Bitset, coversMost: Bool, into counts: inout [Int32]
    ) {
        let (counted, sign): (Bitset, Int32) = coversMost ? (documents.complement(), -1) : (documents, 1)
        ordinals.withUnsafeBufferPointer { ordinals in
            counts.withUnsafeMutableBufferPointer { counts in
                if sign < 0 { for (ordinal, count) in histogram.enumerated() { counts[ordinal] &+= count } }
                counted.forEach { counts[Int(ordinals[$0])] &+= sign }
            }
        }
    }
}

import JobPostings

/// Counts facet values over sets of documents of one segment.
struct FacetTally {
    private(set) var locationCounts: [Int32]
    private(set) var companyCounts: [Int32]
    /// The location and company ordinals counted, while documents were counted one by one and few
    /// values came up; nil once a histogram was added. A feed names tens of thousands of employers:
    /// adding a segment's counts to the search's then reads the values that came up, not every one.
    private(set) var countedLocations: [UInt32]? = []
    private(set) var countedCompanies: [UInt32]? = []
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
                       coversMost: documents.holdsMost, into: &locationCounts, noting: &countedLocations)
        case .company:
            Self.tally(segment.company.ordinals, histogram: segment.companyHistogram, documents,
                       coversMost: documents.holdsMost, into: &companyCounts, noting: &countedCompanies)
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
            } else if (segment.count - documents.cardinality) * 16 < segment.count {
                // Nearly all of the segment (a search with no words): its totals less the skills of the
                // few left out, exact and without reading a set per skill.
                var leftOut = [Int32](repeating: 0, count: skillCounts.count)
                segment.skills.tally(documents.complement(), into: &leftOut)
                for ordinal in skillCounts.indices {
                    skillCounts[ordinal] += segment.skillFrequencies[ordinal] - leftOut[ordinal]
                }
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
            Self.tally(segment.location.ordinals, histogram: segment.locationHistogram, documents, coversMost: true,
                       into: &locationCounts, noting: &countedLocations)
            Self.tally(segment.company.ordinals, histogram: segment.companyHistogram, documents, coversMost: true,
                       into: &companyCounts, noting: &countedCompanies)
            return
        }
        var countedLocations: [UInt32] = [], countedCompanies: [UInt32] = []
        segment.location.ordinals.withUnsafeBufferPointer { locations in
            segment.company.ordinals.withUnsafeBufferPointer { companies in
                locationCounts.withUnsafeMutableBufferPointer { locationCounts in
                    companyCounts.withUnsafeMutableBufferPointer { companyCounts in
                        documents.forEach { document in
                            Self.add(locations[document], to: locationCounts, noting: &countedLocations)
                            Self.add(companies[document], to: companyCounts, noting: &countedCompanies)
                        }
                    }
                }
            }
        }
        Self.note(countedLocations, in: &self.countedLocations, of: locationCounts.count)
        Self.note(countedCompanies, in: &self.countedCompanies, of: companyCounts.count)
    }

    /// Adds one to `ordinal`'s count, noting the ordinal in `newly` the first time it comes up.
    @inline(__always)
    private static func add(_ ordinal: UInt32, to counts: UnsafeMutableBufferPointer<Int32>, noting newly: inout [UInt32]) {
        if counts[Int(ordinal)] == 0 { newly.append(ordinal) }
        counts[Int(ordinal)] &+= 1
    }

    /// Keeps the ordinals newly counted while they are few next to the column's values; past that,
    /// reading every count is as cheap.
    private static func note(_ newly: [UInt32], in counted: inout [UInt32]?, of valueCount: Int) {
        guard let before = counted else { return }
        counted = before.count + newly.count <= valueCount / 8 ? before + newly : nil
    }

    private static func tally(_ sets: [Bitset], _ documents: Bitset, into counts: inout [Int32]) {
        for (ordinal, set) in sets.enumerated() { counts[ordinal] += Int32(documents.intersectionCount(set)) }
    }

    /// Counts each ordinal over `documents`: one pass over them, or for most of the segment its
    /// histogram less the documents left out.
    private static func tally(
        _ ordinals: [UInt32], histogram: [Int32], _ documents: Bitset, coversMost: Bool, into counts: inout [Int32],
        noting counted: inout [UInt32]?
    ) {
        if coversMost {
            counted = nil
            let left = documents.complement()
            ordinals.withUnsafeBufferPointer { ordinals in
                counts.withUnsafeMutableBufferPointer { counts in
                    for (ordinal, count) in histogram.enumerated() { counts[ordinal] &+= count }
                    left.forEach { counts[Int(ordinals[$0])] &-= 1 }
                }
            }
            return
        }
        var newly: [UInt32] = []
        ordinals.withUnsafeBufferPointer { ordinals in
            counts.withUnsafeMutableBufferPointer { counts in
                documents.forEach { add(ordinals[$0], to: counts, noting: &newly) }
            }
        }
        note(newly, in: &counted, of: counts.count)
    }
}

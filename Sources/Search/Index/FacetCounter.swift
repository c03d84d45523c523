import JobPostings

/// Adds up the facet tallies of each segment's scan into the counts a search returns. Values are
/// counted by their `FacetValueNames` numbers, so adding a segment's tally is array arithmetic, and
/// only the few values that make a facet's top list are ever compared by name.
struct FacetCounter {
    static let valuesPerFacet = 20

    private var location: [Int]
    private var company: [Int]
    private var employmentType: [Int]
    private var skills: [Int]
    private var remote = [0, 0]
    private var salary = [Int](repeating: 0, count: SalaryRangeCount.bounds.count)

    /// Every segment searched was numbered before the search began, so each array has room for all its values.
    init() {
        location = [Int](repeating: 0, count: FacetValueNames.locations.count)
        company = [Int](repeating: 0, count: FacetValueNames.companies.count)
        employmentType = [Int](repeating: 0, count: FacetValueNames.employmentTypes.count)
        skills = [Int](repeating: 0, count: FacetValueNames.skills.count)
    }

    mutating func add(_ tally: FacetTally, of segment: Segment) {
        Self.add(tally.locationCounts, counted: tally.countedLocations, numbered: segment.locationIDs, into: &location)
        Self.add(tally.companyCounts, counted: tally.countedCompanies, numbered: segment.companyIDs, into: &company)
        Self.add(tally.typeCounts, numbered: segment.employmentTypeIDs, into: &employmentType)
        Self.add(tally.skillCounts, numbered: segment.skillIDs, into: &skills)
        for index in remote.indices { remote[index] += tally.remoteCounts[index] }
        for index in salary.indices { salary[index] += tally.salaryCounts[index] }
    }

    func facets() -> JobFacets {
        JobFacets(
            location: Self.top(location, FacetValueNames.locations),
            company: Self.top(company, FacetValueNames.companies),
            remote: [FacetCount(value: "true", count: remote[1]), FacetCount(value: "false", count: remote[0])]
                .filter { $0.count > 0 },
            employmentType: Self.top(employmentType, FacetValueNames.employmentTypes),
            salaryRanges: zip(SalaryRangeCount.bounds, salary).map { SalaryRangeCount(from: $0.from, to: $0.to, count: $1) },
            skills: Self.top(skills, FacetValueNames.skills)
        )
    }

    /// The counts of the ordinals `counted` lists, when it does.
    private static func add(_ counts: [Int32], counted: [UInt32]?, numbered ids: [Int32], into totals: inout [Int]) {
        guard let counted else { return add(counts, numbered: ids, into: &totals) }
        for ordinal in counted { totals[Int(ids[Int(ordinal)])] += Int(counts[Int(ordinal)]) }
    }

    /// Every count, zeros included: adding a zero costs less than a branch the processor cannot
    /// predict (the sparse case, a few of many values, comes with its list).
    private static func add(_ counts: [Int32], numbered ids: [Int32], into totals: inout [Int]) {
        counts.withUnsafeBufferPointer { counts in
            ids.withUnsafeBufferPointer { ids in
                totals.withUnsafeMutableBufferPointer { totals in
                    for ordinal in counts.indices { totals[Int(ids[ordinal])] &+= Int(counts[ordinal]) }
                }
            }
        }
    }

    /// The most frequent values, most frequent first, ties in name order; empty values are not
    /// listed. One pass keeps the best so far in a short sorted list: most values count less than
    /// its last and are passed over without a name being read.
    private static func top(_ counts: [Int], _ registry: FacetValueNames) -> [FacetCount] {
        guard counts.contains(where: { $0 > 0 }) else { return [] }
        let (names, keys) = registry.namesWithSortKeys
        var best: [(id: Int, count: Int)] = []
        best.reserveCapacity(valuesPerFacet + 1)
        // Many values tie on small counts; their sort keys settle almost every tie without the names.
        func precedes(_ id: Int, _ count: Int, _ other: (id: Int, count: Int)) -> Bool {
            if count != other.count { return count > other.count }
            if keys[id] != keys[other.id] { return keys[id] < keys[other.id] }
            return names[id].utf8.lexicographicallyPrecedes(names[other.id].utf8)
        }
        for (id, count) in counts.enumerated() where count > 0 && (keys[id] != 0 || !names[id].isEmpty) {
            if best.count == valuesPerFacet, let last = best.last, !precedes(id, count, last) { continue }
            var slot = best.count
            while slot > 0, precedes(id, count, best[slot - 1]) { slot -= 1 }
            best.insert((id, count), at: slot)
            if best.count > valuesPerFacet { best.removeLast() }
        }
        return best.map { FacetCount(value: names[$0.id], count: $0.count) }
    }
}

import JobPostings

/// Adds up the facet tallies of each segment's scan into the counts a search returns.
struct FacetCounter {
    static let valuesPerFacet = 20

    private var location: [String: Int] = [:]
    private var company: [String: Int] = [:]
    private var employmentType: [String: Int] = [:]
    /// Indexed by `SkillNames` number.
    private var skills: [Int] = []
    private var remote = [0, 0]
    private var salary = [Int](repeating: 0, count: SalaryRangeCount.bounds.count)

    mutating func add(_ tally: FacetTally, of segment: Segment) {
        Self.fold(tally.locationCounts, segment.location, into: &location)
        Self.fold(tally.companyCounts, segment.company, into: &company)
        Self.fold(tally.typeCounts, segment.employmentType, into: &employmentType)
        for (ordinal, count) in tally.skillCounts.enumerated() where count > 0 {
            let id = Int(segment.skillIDs[ordinal])
            if id >= skills.count { skills += [Int](repeating: 0, count: id + 1 - skills.count) }
            skills[id] += Int(count)
        }
        for index in remote.indices { remote[index] += tally.remoteCounts[index] }
        for index in salary.indices { salary[index] += tally.salaryCounts[index] }
    }

    func facets() -> JobFacets {
        JobFacets(
            location: Self.top(location),
            company: Self.top(company),
            remote: [FacetCount(value: "true", count: remote[1]), FacetCount(value: "false", count: remote[0])]
                .filter { $0.count > 0 },
            employmentType: Self.top(employmentType),
            salaryRanges: zip(SalaryRangeCount.bounds, salary).map { SalaryRangeCount(from: $0.from, to: $0.to, count: $1) },
            skills: Self.topSkills(skills)
        )
    }

    private static func fold(_ counts: [Int32], _ column: KeywordColumn, into totals: inout [String: Int]) {
        for (ordinal, count) in counts.enumerated() where count > 0 {
            let value = column.values[ordinal]
            if !value.isEmpty { totals[value, default: 0] += Int(count) }
        }
    }

    /// The most frequent skills without sorting every one: only those at or above the
    /// `valuesPerFacet`-th largest count are ordered (by count, then name).
    private static func topSkills(_ counts: [Int]) -> [FacetCount] {
        let nonzero = counts.filter { $0 > 0 }
        guard !nonzero.isEmpty else { return [] }
        let threshold = nonzero.count <= valuesPerFacet ? 1 : nonzero.sorted(by: >)[valuesPerFacet - 1]
        let names = SkillNames.shared.names
        return counts.indices.filter { counts[$0] >= threshold }
            .map { FacetCount(value: names[$0], count: counts[$0]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
            .prefix(valuesPerFacet).map { $0 }
    }

    private static func top(_ counts: [String: Int]) -> [FacetCount] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(valuesPerFacet).map { FacetCount(value: $0.key, count: $0.value) }
    }
}

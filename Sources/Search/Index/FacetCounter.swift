import JobPostings

/// Counts facet values over a search's matches. A document that fails only one facet's own filter
/// still counts for that facet, which gives the disjunctive counts users expect from multi-select.
struct FacetCounter {
    static let valuesPerFacet = 20

    private var location: [String: Int] = [:]
    private var company: [String: Int] = [:]
    private var employmentType: [String: Int] = [:]
    private var remote = [0, 0]
    private var salary = [Int](repeating: 0, count: SalaryRangeCount.bounds.count)

    /// Per-segment tallies by ordinal, folded into the string-keyed totals at `finish(segment:)`.
    private var locationOrdinals: [Int] = []
    private var companyOrdinals: [Int] = []
    private var typeOrdinals: [Int] = []

    mutating func begin(_ segment: Segment) {
        locationOrdinals = [Int](repeating: 0, count: segment.location.values.count)
        companyOrdinals = [Int](repeating: 0, count: segment.company.values.count)
        typeOrdinals = [Int](repeating: 0, count: segment.employmentType.values.count)
    }

    mutating func count(_ document: Int, in segment: Segment, failures: SegmentFilters.Group) {
        func counts(_ group: SegmentFilters.Group) -> Bool { failures.isEmpty || failures == group }
        if counts(.location) { locationOrdinals[Int(segment.location.ordinals[document])] += 1 }
        if counts(.company) { companyOrdinals[Int(segment.company.ordinals[document])] += 1 }
        if counts(.employmentType) { typeOrdinals[Int(segment.employmentType.ordinals[document])] += 1 }
        if counts(.remote) { remote[segment.remote.contains(document) ? 1 : 0] += 1 }
        if counts(.salary), let range = SalaryRange(segment: segment, document: document) {
            for (bucket, bounds) in SalaryRangeCount.bounds.enumerated()
            where range.overlaps(from: Int64(bounds.from), to: bounds.to.map(Int64.init)) {
                salary[bucket] += 1
            }
        }
    }

    mutating func finish(_ segment: Segment) {
        Self.fold(locationOrdinals, segment.location, into: &location)
        Self.fold(companyOrdinals, segment.company, into: &company)
        Self.fold(typeOrdinals, segment.employmentType, into: &employmentType)
    }

    func facets() -> JobFacets {
        JobFacets(
            location: Self.top(location),
            company: Self.top(company),
            remote: [FacetCount(value: "true", count: remote[1]), FacetCount(value: "false", count: remote[0])]
                .filter { $0.count > 0 },
            employmentType: Self.top(employmentType),
            salaryRanges: zip(SalaryRangeCount.bounds, salary).map { SalaryRangeCount(from: $0.from, to: $0.to, count: $1) }
        )
    }

    private static func fold(_ counts: [Int], _ column: KeywordColumn, into totals: inout [String: Int]) {
        for (ordinal, count) in counts.enumerated() where count > 0 {
            let value = column.values[ordinal]
            if !value.isEmpty { totals[value, default: 0] += count }
        }
    }

    private static func top(_ counts: [String: Int]) -> [FacetCount] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(valuesPerFacet).map { FacetCount(value: $0.key, count: $0.value) }
    }
}

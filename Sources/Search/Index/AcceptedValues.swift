import JobPostings

/// What a search's location, company and skill filters accept, worked out once per search over the
/// values' numbers in `FacetValueNames`; each segment reads its own values through their numbers.
struct AcceptedValues: Sendable {
    /// Per location number: whether the location filter accepts it; nil when the search has none.
    let locations: [Bool]?
    /// Per company number, likewise.
    let companies: [Bool]?
    /// Per skill number, likewise.
    let skills: [Bool]?

    init(_ query: JobSearchQuery) {
        let wantedLocations = query.locations.map(FacetValueNames.words).filter { !$0.isEmpty }
        locations = wantedLocations.isEmpty ? nil : Self.places(holdingEveryWordOfAny: wantedLocations)
        companies = Self.folded(query.companies, in: .companies)
        skills = Self.folded(query.skills, in: .skills)
    }

    /// Per location number: whether it holds every word of one of `phrases` (each split by
    /// `FacetValueNames.words`), as the location filter and match's places take them.
    static func places(holdingEveryWordOfAny phrases: [[String]]) -> [Bool] {
        let names = FacetValueNames.locations
        return names.acceptance(of: names.ids(holdingEveryWordOfAny: phrases))
    }

    /// The values of `registry` whose folded name is one of `asked`'s, or nil when nothing is asked.
    private static func folded(_ asked: [String], in registry: FacetValueNames) -> [Bool]? {
        let wanted = Set(asked.map(TextFolding.fold))
        return wanted.isEmpty ? nil : registry.acceptance(of: registry.ids(folded: wanted))
    }

    /// Per ordinal of a segment's column: whether its value is accepted, read through the values' numbers.
    static func byOrdinal(_ accepted: [Bool], ids: [Int32]) -> [Bool] {
        ids.map { Int($0) < accepted.count && accepted[Int($0)] }
    }
}

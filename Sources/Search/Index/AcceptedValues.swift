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
        let locationNames = FacetValueNames.locations
        locations = wantedLocations.isEmpty ? nil
            : locationNames.acceptance(of: locationNames.ids(holdingEveryWordOfAny: wantedLocations))
        let wantedCompanies = Set(query.companies.map(TextFolding.fold))
        let companyNames = FacetValueNames.companies
        companies = wantedCompanies.isEmpty ? nil : companyNames.acceptance(of: companyNames.ids(folded: wantedCompanies))
        let wantedSkills = Set(query.skills.map(TextFolding.fold))
        let skillNames = FacetValueNames.skills
        skills = wantedSkills.isEmpty ? nil : skillNames.acceptance(of: skillNames.ids(folded: wantedSkills))
    }

    /// Per ordinal of a segment's column: whether its value is accepted, read through the values' numbers.
    static func byOrdinal(_ accepted: [Bool], ids: [Int32]) -> [Bool] {
        ids.map { Int($0) < accepted.count && accepted[Int($0)] }
    }
}

import JobPostings

/// One match request made ready for the segments: the seeker's title words as index terms, the
/// seniority words as terms, and the seeker's skills as `FacetValueNames.skills` numbers, verified or claimed.
/// Nothing in it depends on the other postings: a posting's score is a matter of the posting and
/// the seeker alone, so it does not move when unrelated postings come and go.
struct MatchContext {
    let profile: MatchProfile
    let titleTerms: [String]
    let seniorityTerms: [(term: String, level: Int)]
    let seekerLevel: Int?
    /// `FacetValueNames.skills` numbers of the skills the seeker claims.
    let claimed: Set<Int32>
    /// `FacetValueNames.skills` numbers of the skills an assessment verified.
    let verified: Set<Int32>
    /// Per `FacetValueNames.locations` number: whether the place is one the seeker wants, worked out
    /// once per request rather than for every segment scored (every segment's values are numbered
    /// before a request reads it).
    let wantedPlaces: [Bool]

    init(profile: MatchProfile, analyzer: Analyzer) {
        self.profile = profile
        var seen = Set<String>()
        titleTerms = profile.titles.flatMap { analyzer.terms(in: $0).map(\.term) }.filter { seen.insert($0).inserted }
        seniorityTerms = JobMatchFormula.seniorityWords.compactMap { word in
            analyzer.terms(in: word.word).first.map { ($0.term, word.level) }
        }
        seekerLevel = profile.yearsOfExperience.map(JobMatchFormula.seniority(yearsOfExperience:))
        claimed = FacetValueNames.skills.ids(matchingLowercased: Set(profile.skills.map { $0.lowercased() }))
        verified = FacetValueNames.skills.ids(matchingLowercased: Set(profile.verifiedSkills.map { $0.lowercased() }))
        wantedPlaces = AcceptedValues.places(
            holdingEveryWordOfAny: profile.locations.map(FacetValueNames.words).filter { !$0.isEmpty })
    }

    /// The share of a skill's weight the seeker earns: in full when verified, less when only claimed.
    func credit(for id: Int32) -> Double {
        verified.contains(id) ? JobMatchFormula.verifiedCredit : claimed.contains(id) ? JobMatchFormula.claimedCredit : 0
    }
}

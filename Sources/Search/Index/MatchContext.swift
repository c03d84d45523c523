import JobPostings

/// One match request made ready for the segments: the seeker's title words as index terms, the
/// seniority words as terms, and how many postings ask for each skill across the whole index.
struct MatchContext {
    let profile: MatchProfile
    let titleTerms: [String]
    let seniorityTerms: [(term: String, level: Int)]
    let seekerLevel: Int?
    let owned: Set<String>
    /// Lowercased skill name → postings asking for it, over every segment.
    let frequencies: [String: Int]
    let documents: Int
    let wantedLocations: [[String]]

    init(profile: MatchProfile, snapshot: IndexSnapshot, analyzer: Analyzer, frequencies: [String: Int]) {
        self.profile = profile
        var seen = Set<String>()
        titleTerms = profile.titles.flatMap { analyzer.terms(in: $0).map(\.term) }.filter { seen.insert($0).inserted }
        seniorityTerms = JobMatchFormula.seniorityWords.compactMap { word in
            analyzer.terms(in: word.word).first.map { ($0.term, word.level) }
        }
        seekerLevel = profile.yearsOfExperience.map(JobMatchFormula.seniority(yearsOfExperience:))
        owned = Set(profile.skills.map { $0.lowercased() })
        self.frequencies = frequencies
        documents = max(1, snapshot.liveCount)
        wantedLocations = profile.locations.map(SegmentFilterMasks.words).filter { !$0.isEmpty }
    }

    /// Postings asking for each skill, summed over segments.
    static func frequencies(of snapshot: IndexSnapshot) -> [String: Int] {
        var totals: [String: Int] = [:]
        for segment in snapshot.segments {
            for (ordinal, name) in segment.skills.values.enumerated() {
                totals[name.lowercased(), default: 0] += Int(segment.skillFrequencies[ordinal])
            }
        }
        return totals
    }
}

import JobPostings

/// One match request made ready for the segments: the seeker's title words as index terms, the
/// seniority words as terms, and how many postings ask for each skill across the whole index.
struct MatchContext {
    let profile: MatchProfile
    let titleTerms: [String]
    let seniorityTerms: [(term: String, level: Int)]
    let seekerLevel: Int?
    /// `SkillNames` numbers of the seeker's skills.
    let owned: Set<Int32>
    /// By `SkillNames` number: postings asking for the skill, over every segment.
    let frequencies: [Int]
    let documents: Int
    let wantedLocations: [[String]]

    init(profile: MatchProfile, snapshot: IndexSnapshot, analyzer: Analyzer, frequencies: [Int]) {
        self.profile = profile
        var seen = Set<String>()
        titleTerms = profile.titles.flatMap { analyzer.terms(in: $0).map(\.term) }.filter { seen.insert($0).inserted }
        seniorityTerms = JobMatchFormula.seniorityWords.compactMap { word in
            analyzer.terms(in: word.word).first.map { ($0.term, word.level) }
        }
        seekerLevel = profile.yearsOfExperience.map(JobMatchFormula.seniority(yearsOfExperience:))
        owned = SkillNames.shared.ids(matchingLowercased: Set(profile.skills.map { $0.lowercased() }))
        self.frequencies = frequencies
        documents = max(1, snapshot.liveCount)
        wantedLocations = profile.locations.map(SegmentFilterMasks.words).filter { !$0.isEmpty }
    }

    /// Postings asking for each skill, summed over segments.
    static func frequencies(of snapshot: IndexSnapshot) -> [Int] {
        var totals = [Int](repeating: 0, count: SkillNames.shared.count)
        for segment in snapshot.segments {
            for (ordinal, id) in segment.skillIDs.enumerated() {
                if Int(id) >= totals.count { totals += [Int](repeating: 0, count: Int(id) + 1 - totals.count) }
                totals[Int(id)] += Int(segment.skillFrequencies[ordinal])
            }
        }
        return totals
    }
}

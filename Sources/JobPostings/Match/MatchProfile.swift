import Foundation

/// What a job seeker brings, as job matching reads it: built from the profile and the primary resume.
public struct MatchProfile: Sendable, Equatable {
    /// Canonical skill names ("Kubernetes"), compared without regard to case.
    public var skills: [String]
    /// Canonical names of the skills an assessment verified (and that are still valid); they earn
    /// their full weight, claimed ones less.
    public var verifiedSkills: [String]
    /// Titles the seeker wants or holds ("Backend Engineer").
    public var titles: [String]
    public var yearsOfExperience: Double?
    /// Places the seeker can work in ("Berlin"); empty when not said.
    public var locations: [String]
    public var wantsRemote: Bool
    /// The lowest yearly salary the seeker considers, in `currency`.
    public var minimumSalary: Int?
    public var currency: String?

    public init(skills: [String] = [], verifiedSkills: [String] = [], titles: [String] = [], yearsOfExperience: Double? = nil, locations: [String] = [],
                wantsRemote: Bool = false, minimumSalary: Int? = nil, currency: String? = nil) {
        self.skills = skills
        self.verifiedSkills = verifiedSkills
        self.titles = titles
        self.yearsOfExperience = yearsOfExperience
        self.locations = locations
        self.wantsRemote = wantsRemote
        self.minimumSalary = minimumSalary
        self.currency = currency
    }

    /// A fingerprint for cursors: a page of results ordered for one profile is not a page for another.
    public var cursorKey: String {
        [skills.map { $0.lowercased() }.sorted().joined(separator: ","),
         verifiedSkills.map { $0.lowercased() }.sorted().joined(separator: ","), titles.joined(separator: ","),
         yearsOfExperience.map { String($0) } ?? "", locations.joined(separator: ","), String(wantsRemote),
         minimumSalary.map(String.init) ?? "", currency ?? ""].joined(separator: "|")
    }
}

/// How well one posting fits one seeker, 0–100, with the parts it is made of.
public struct JobMatch: Sendable, Equatable {
    public var score: Int
    public var components: [MatchComponent]
    public var matchedSkills: [MatchedSkill]
    public var missingSkills: [MatchedSkill]

    public init(score: Int, components: [MatchComponent], matchedSkills: [MatchedSkill], missingSkills: [MatchedSkill]) {
        self.score = score
        self.components = components
        self.matchedSkills = matchedSkills
        self.missingSkills = missingSkills
    }
}

public struct MatchComponent: Sendable, Equatable {
    public var name: String
    public var score: Int
    public var weight: Int
    public var evidence: [String]

    public init(name: String, score: Int, weight: Int, evidence: [String]) {
        self.name = name
        self.score = score
        self.weight = weight
        self.evidence = evidence
    }
}

/// A skill a posting asks for, with what it weighs in the skills part of the match.
public struct MatchedSkill: Sendable, Equatable {
    public var name: String
    public var isRequired: Bool
    /// The seeker's level of it was verified by an assessment.
    public var isVerified = false
    /// Required skills weigh twice nice-to-have ones.
    public var weight: Double

    public init(name: String, isRequired: Bool, weight: Double) {
        self.name = name
        self.isRequired = isRequired
        self.weight = weight
    }
}

/// Where matching learns which skills a seeker has proven: the skills graph's verified levels.
/// Without one, every skill counts as claimed.
public protocol VerifiedSkillSource: Sendable {
    /// Canonical names of the user's verified skills that are valid now.
    func verifiedSkillNames(userID: String) async throws -> [String]
}

/// Scores a few postings against many seekers with the same formula, columns and analysis as the
/// search index (incremental matching: a batch of new postings against every candidate).
public protocol PostingBatchMatcher: Sendable {
    /// `scores[i][j]`: how well `postings[j]` fits `profiles[i]`; nil when the posting is not open
    /// (closed, or expired at `now`) or asks for none of the seeker's skills.
    func scores(of postings: [StoredJobPosting], for profiles: [MatchProfile], now: Date) -> [[Int?]]
}

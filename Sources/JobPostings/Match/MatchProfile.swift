/// What a job seeker brings, as job matching reads it: built from the profile and the primary resume.
public struct MatchProfile: Sendable, Equatable {
    /// Canonical skill names ("Kubernetes"), compared without regard to case.
    public var skills: [String]
    /// Titles the seeker wants or holds ("Backend Engineer").
    public var titles: [String]
    public var yearsOfExperience: Double?
    /// Places the seeker can work in ("Berlin"); empty when not said.
    public var locations: [String]
    public var wantsRemote: Bool
    /// The lowest yearly salary the seeker considers, in `currency`.
    public var minimumSalary: Int?
    public var currency: String?

    public init(skills: [String] = [], titles: [String] = [], yearsOfExperience: Double? = nil, locations: [String] = [],
                wantsRemote: Bool = false, minimumSalary: Int? = nil, currency: String? = nil) {
        self.skills = skills
        self.titles = titles
        self.yearsOfExperience = yearsOfExperience
        self.locations = locations
        self.wantsRemote = wantsRemote
        self.minimumSalary = minimumSalary
        self.currency = currency
    }

    /// A fingerprint for cursors: a page of results ordered for one profile is not a page for another.
    public var cursorKey: String {
        [skills.map { $0.lowercased() }.sorted().joined(separator: ","), titles.joined(separator: ","),
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
    /// Required skills weigh twice nice-to-have ones; rare skills (few postings ask) weigh more than common ones.
    public var weight: Double

    public init(name: String, isRequired: Bool, weight: Double) {
        self.name = name
        self.isRequired = isRequired
        self.weight = weight
    }
}

import JobPostings

/// A matched candidate as an employer sees them before contact is accepted: a per-job handle, the
/// score and reasons built only from structured facts (skills and their verified levels, how the
/// parts of the score fit). Nothing the candidate wrote in their own words is shown, since a
/// headline or a past employer's name can identify a person.
public struct AnonymousCandidate: Sendable {
    public struct Skill: Sendable, Equatable {
        public var name: String
        public var required: Bool
        /// The verified level, when an assessment proved one.
        public var verifiedLevel: Int?
        /// The job's minimum level for this skill (1 when it sets none).
        public var minimumLevel: Int
        public var meetsMinimum: Bool
    }

    public var handle: String
    public var score: Int
    public var matchedSkills: [Skill]
    public var missingSkills: [Skill]
    /// The score's parts (skills, title, seniority, location, salary) with their scores only.
    public var components: [(name: String, score: Int, weight: Int)]
    public var reasons: [String]
    public var contact: ContactRequest.Status?
    /// Only once the candidate accepted contact.
    public var profile: CandidateProfile?

    init(pair: StoredMatch, match: JobMatch, candidate: Candidate, job: EmployerJob?) {
        handle = pair.handle
        score = pair.score
        let minimums = Dictionary((job?.skills ?? []).map { ($0.name.lowercased(), $0.minimumLevel) }, uniquingKeysWith: { $1 })
        func skill(_ matched: MatchedSkill, has: Bool) -> Skill {
            let level = has ? candidate.verifiedLevels[matched.name.lowercased()] : nil
            let minimum = minimums[matched.name.lowercased()] ?? 1
            return Skill(name: matched.name, required: matched.isRequired, verifiedLevel: level, minimumLevel: minimum,
                         meetsMinimum: has && (minimum <= 1 || (level ?? 0) >= minimum))
        }
        matchedSkills = match.matchedSkills.map { skill($0, has: true) }
        missingSkills = match.missingSkills.map { skill($0, has: false) }
        components = match.components.map { ($0.name, $0.score, $0.weight) }
        let levelNames = AssessmentQuestion.levelNames
        var reasons = ["has \(matchedSkills.count) of \(matchedSkills.count + missingSkills.count) skills the job asks for"]
        for skill in matchedSkills.prefix(6) {
            if let level = skill.verifiedLevel {
                reasons.append("\(skill.name): verified at \(levelNames[level] ?? "level \(level)") level"
                               + (skill.meetsMinimum ? "" : " (the job asks for \(levelNames[skill.minimumLevel] ?? "more"))"))
            } else {
                reasons.append("\(skill.name): stated, not verified")
            }
        }
        for skill in missingSkills.filter(\.required).prefix(4) { reasons.append("lacks \(skill.name) (required)") }
        for part in match.components where part.name != "skills" {
            reasons.append("\(part.name): " + (part.score >= 80 ? "fits" : part.score >= 50 ? "partly fits or unknown" : "does not fit"))
        }
        self.reasons = reasons
        contact = nil
        profile = nil
    }
}

import Foundation
import JobPostings

/// The "how well this fits you" box on a posting's page: the score, each part with its reasons, and
/// the skills the seeker has and lacks.
struct MatchPanel {
    struct Part {
        var name: String
        var score: Int
        var weight: Int
        var reasons: String
    }

    var score: Int
    var parts: [Part]
    var matched: [String]
    var missing: [String]
    var hasMatched: Bool
    var hasMissing: Bool
    var gaugeSVG: String

    init(_ match: JobMatch) {
        score = match.score
        parts = match.components.map { Part(name: $0.name.prefix(1).uppercased() + $0.name.dropFirst(), score: $0.score,
                                            weight: $0.weight, reasons: $0.evidence.joined(separator: "; ")) }
        matched = match.matchedSkills.map { $0.name + ($0.isRequired ? "" : " (nice to have)") }
        missing = match.missingSkills.map { $0.name + ($0.isRequired ? " (required)" : " (nice to have)") }
        hasMatched = !matched.isEmpty
        hasMissing = !missing.isEmpty
        gaugeSVG = SVGCharts.gauge(score, label: "Fit \(match.score) out of 100")
    }
}

/// The skills a posting asks for, listed under its description.
struct PostingSkillList {
    struct Skill {
        var name: String
        /// A search for postings asking for the same skill.
        var href: String
    }

    var required: [Skill]
    var optional: [Skill]
    var hasRequired: Bool
    var hasOptional: Bool

    init(_ skills: [PostingSkill]) {
        func link(_ skill: PostingSkill) -> Skill {
            Skill(name: skill.name, href: "/?skill=" + (skill.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? skill.name))
        }
        required = skills.filter(\.isRequired).map(link)
        optional = skills.filter { !$0.isRequired }.map(link)
        hasRequired = !required.isEmpty
        hasOptional = !optional.isEmpty
    }
}

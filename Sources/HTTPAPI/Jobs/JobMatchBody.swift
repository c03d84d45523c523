import Domain
import JobPostings

/// `{score, components, matched_skills, missing_skills}` of one posting's match.
enum JobMatchBody {
    static func json(_ match: JobMatch, jobID: String) -> JSONValue {
        func skill(_ skill: MatchedSkill) -> JSONValue {
            .object(["name": .string(skill.name), "requirement": .string(skill.isRequired ? "required" : "nice_to_have"),
                     "weight": .number(skill.weight)])
        }
        return .object([
            "job_id": .string(jobID),
            "score": .number(Double(match.score)),
            "components": .array(match.components.map { component in
                .object(["name": .string(component.name), "score": .number(Double(component.score)),
                         "weight": .number(Double(component.weight)), "evidence": .array(component.evidence.map(JSONValue.string))])
            }),
            "matched_skills": .array(match.matchedSkills.map(skill)),
            "missing_skills": .array(match.missingSkills.map(skill)),
        ])
    }
}

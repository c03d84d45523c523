import CareerAgent
import Domain
import Foundation
import Hummingbird

/// `POST /api/v1/resumes/{id}/analysis`: the rubric's score with its components, strengths,
/// weaknesses and suggestions, each quoting the resume.
struct ResumeAnalysisController {
    typealias Context = APIRequestContext
    let analysis: ResumeAnalysisService

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("resumes/{id}/analysis", use: analyze)
    }

    @Sendable func analyze(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request, allowingEmpty: true)
        let jobID = fields.string("job_id", required: false, maximumLength: 300)
        let role = fields.string("target_role", required: false, maximumLength: 200)
        if jobID != nil, role != nil { fields.fail("target_role", "give either job_id or target_role, not both") }
        fields.rejectUnknown(allowing: ["job_id", "target_role"])
        try fields.check()
        let result = try await analysis.analyze(actor: caller.actor, resumeID: try context.parameters.require("id"),
                                                jobID: jobID, targetRole: role)
        return try JSONResponse.make(Self.body(result))
    }

    static func body(_ analysis: ResumeAnalysis) -> JSONValue {
        func finding(_ finding: Finding) -> JSONValue {
            .object([
                "text": .string(finding.text),
                "quote": finding.quote.map { .object(["text": .string($0.text), "start": .number(Double($0.start)),
                                                      "end": .number(Double($0.end))]) } ?? .null,
            ])
        }
        return .object([
            "ats_score": .number(Double(analysis.atsScore)),
            "components": .array(analysis.components.map(ScoreComponentBody.json)),
            "strengths": .array(analysis.strengths.map(finding)),
            "weaknesses": .array(analysis.weaknesses.map(finding)),
            "suggestions": .array(analysis.suggestions.map(finding)),
            "target_skills": .array(analysis.targetSkills.map(JSONValue.string)),
            "suggestions_reworded": .bool(analysis.suggestionsReworded),
        ])
    }
}

/// `{name, score, weight, evidence}`, as analysis and job match both report their parts.
enum ScoreComponentBody {
    static func json(_ component: ScoreComponent) -> JSONValue {
        .object([
            "name": .string(component.name), "score": .number(Double(component.score)),
            "weight": .number(Double(component.weight)), "evidence": .array(component.evidence.map(JSONValue.string)),
        ])
    }
}

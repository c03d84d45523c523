import Domain
import Foundation
import Hummingbird
import JobPostings
import SkillsGraph

/// Skill assessments: `POST /api/v1/interviews` starts (or resumes) a timed session for a skill;
/// its answers, signals, finish and result live under `/api/v1/interviews/{id}/…`;
/// `/api/v1/assessments` lists the skills that have one with the caller's verified skills and
/// sessions; admins import and export banks; reviewers work the queue at `/api/v1/reviews`.
struct AssessmentsController {
    typealias Context = APIRequestContext
    let api: SkillsGraphAPI
    /// Largest bank a request may carry.
    static let maximumBankBytes = 8 * 1_048_576

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("interviews", use: start)
        group.put("interviews/{id}/answers/{question_id}", use: answer)
        group.post("interviews/{id}/signals", use: signal)
        group.post("interviews/{id}/finish", use: finish)
        group.get("assessments", use: overview)
        group.post("assessments/import", use: importBank)
        group.get("assessments/export", use: exportBank)
        group.get("verified-skills", use: verifiedSkills)
        group.get("reviews", use: reviews)
        group.get("reviews/{session_id}/{question_id}", use: reviewCase)
        group.post("reviews/{session_id}/{question_id}", use: decide)
    }

    @Sendable func start(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let skillID = fields.string("skill_id", maximumLength: 200)
        fields.rejectUnknown(allowing: ["skill_id"])
        try fields.check()
        let (session, resumed) = try await api.interviews.start(actor: caller.actor, skillID: skillID ?? "")
        let state = try await api.interviews.session(actor: caller.actor, id: session.id)
        return try JSONResponse.make(SkillsGraphRepresentation.session(state), status: resumed ? .ok : .created,
                                     headers: [.location: "/api/v1/interviews/\(session.id)"])
    }

    /// `GET /api/v1/interviews/{id}` for a session (the calendar's interviews share the path).
    func show(_ id: String, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(SkillsGraphRepresentation.session(try await api.interviews.session(actor: caller.actor, id: id)))
    }

    @Sendable func answer(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let fields = try await JSONFields.read(request, limit: 131_072)
        var reader = fields
        reader.rejectUnknown(allowing: ["answer"])
        if fields.fields["answer"] == nil { reader.fail("answer", "is required") }
        try reader.check()
        let saved = try await api.interviews.answer(actor: caller.actor, sessionID: try context.parameters.require("id"),
                                                    questionID: try context.parameters.require("question_id"), answer: fields.fields["answer"])
        return try JSONResponse.make(JSONValue.object(["question_id": .string(saved.questionID), "answer": saved.value.json,
                                                       "saved_at": SkillsGraphRepresentation.time(saved.answeredAt)]))
    }

    @Sendable func signal(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let kindText = fields.string("kind", maximumLength: 40)
        let kind = kindText.flatMap(SessionSignal.Kind.init(rawValue:))
        if kindText != nil, kind == nil { fields.fail("kind", "must be one of \(SessionSignal.Kind.allCases.map(\.rawValue).joined(separator: ", "))") }
        let questionID = fields.string("question_id", required: false, maximumLength: 200)
        let size = fields.integer("size")
        fields.rejectUnknown(allowing: ["kind", "question_id", "size"])
        try fields.check()
        try await api.interviews.signal(actor: caller.actor, sessionID: try context.parameters.require("id"), kind: kind ?? .paste,
                                        questionID: questionID, size: size)
        return Response(status: .noContent)
    }

    @Sendable func finish(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(SkillsGraphRepresentation.session(
            try await api.interviews.finish(actor: caller.actor, sessionID: try context.parameters.require("id"))))
    }

    @Sendable func overview(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let skills = try await api.bank.skills()
        let sessions = try await api.interviews.sessions(actor: caller.actor)
        let verified = try await api.verified.verifiedSkills(userID: caller.actor.userID)
        return try JSONResponse.make(JSONValue.object([
            "skills": .array(skills.map { skill in
                .object(["skill_id": .string(skill.skillID), "name": .string(skill.name),
                         "questions": .number(Double(skill.questionsPerLevel.values.reduce(0, +)))])
            }),
            "sessions": .array(sessions.map { session in
                .object(["id": .string(session.id), "skill_id": .string(session.skillID), "status": .string(session.status.rawValue),
                         "started_at": SkillsGraphRepresentation.time(session.startedAt), "deadline": SkillsGraphRepresentation.time(session.deadline),
                         "score": SkillsGraphRepresentation.number(session.score), "level": SkillsGraphRepresentation.number(session.level)])
            }),
            "verified_skills": .array(verified.map { SkillsGraphRepresentation.verified($0, name: api.bank.skillName($0.skillID) ?? $0.skillID) }),
        ]))
    }

    @Sendable func importBank(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let buffer = try await request.body.collect(upTo: Self.maximumBankBytes)
        let summary = try await api.bank.importBank(Data(buffer: buffer))
        return try JSONResponse.make(JSONValue.object(["added": .number(Double(summary.added)), "updated": .number(Double(summary.updated)),
                                                       "unchanged": .number(Double(summary.unchanged))]))
    }

    @Sendable func exportBank(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let skill = try QueryParameters(rawQuery: request.uri.query)["skill_id"]
        let data = try await api.bank.exportBank(skillID: skill).encoded()
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func verifiedSkills(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let verified = try await api.verified.verifiedSkills(userID: caller.actor.userID)
        return try JSONResponse.make(JSONValue.object([
            "verified_skills": .array(verified.map { SkillsGraphRepresentation.verified($0, name: api.bank.skillName($0.skillID) ?? $0.skillID) }),
        ]))
    }

    @Sendable func reviews(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let limit = try QueryLimit.read(request, default: 50, maximum: 200)
        let cases = try await api.reviews.pending(actor: caller.actor, limit: limit)
        return try JSONResponse.make(JSONValue.object(["reviews": .array(cases.map(SkillsGraphRepresentation.reviewCase))]))
    }

    @Sendable func reviewCase(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(SkillsGraphRepresentation.reviewCase(try await api.reviews.reviewCase(
            actor: caller.actor, sessionID: try context.parameters.require("session_id"), questionID: try context.parameters.require("question_id"))))
    }

    @Sendable func decide(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        guard ReviewService.mayReview(caller.actor) else { throw DomainError.forbidden("Only reviewers decide reviews.") }
        var fields = try await JSONFields.read(request)
        let score = fields.integer("score")
        if fields.fields["score"] == nil { fields.fail("score", "is required (0–100)") }
        let note = fields.string("note", maximumLength: 2000)
        fields.rejectUnknown(allowing: ["score", "note"])
        try fields.check()
        let decided = try await api.reviews.decide(actor: caller.actor, sessionID: try context.parameters.require("session_id"),
                                                   questionID: try context.parameters.require("question_id"), score: score ?? 0, note: note ?? "")
        return try JSONResponse.make(SkillsGraphRepresentation.reviewCase(decided))
    }
}

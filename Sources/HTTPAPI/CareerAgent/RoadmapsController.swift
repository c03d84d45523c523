import CareerAgent
import Domain
import Foundation
import Hummingbird

/// `/api/v1/roadmaps`: plans from where the user stands to a target role, with progress.
struct RoadmapsController {
    typealias Context = APIRequestContext
    let roadmaps: RoadmapService

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("roadmaps", use: create)
        group.get("roadmaps", use: list)
        group.get("roadmaps/{id}", use: show)
        group.patch("roadmaps/{id}", use: update)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let target = fields.string("target_role", maximumLength: 200)?.trimmingCharacters(in: .whitespaces)
        if target?.isEmpty == true { fields.fail("target_role", "must not be empty") }
        let current = fields.string("current_role", required: false, maximumLength: 200)
        fields.rejectUnknown(allowing: ["target_role", "current_role"])
        try fields.check()
        let plan = try await roadmaps.create(actor: caller.actor, targetRole: target!, currentRole: current)
        return try JSONResponse.make(Self.body(plan), status: .created, headers: [.location: "/api/v1/roadmaps/\(plan.roadmap.id)"])
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let all = try await roadmaps.list(actor: caller.actor).map { roadmap -> JSONValue in
            .object(["id": .string(roadmap.id), "target_role": .string(roadmap.targetRole),
                     "current_role": roadmap.currentRole.map(JSONValue.string) ?? .null,
                     "learned": .array(roadmap.learned.map(JSONValue.string)),
                     "created_at": .string(Timestamps.format(roadmap.createdAt))])
        }
        return try JSONResponse.make(["roadmaps": all])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(Self.body(try await roadmaps.roadmap(actor: caller.actor, id: try context.parameters.require("id"))))
    }

    /// `{"learned": ["Kubernetes"], "unlearned": ["Go"]}` marks progress.
    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        func names(_ field: String) -> [String] {
            switch fields.fields[field] {
            case nil, .null?: return []
            case .array(let values)? where values.allSatisfy({ if case .string = $0 { true } else { false } }):
                return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            default:
                fields.fail(field, "must be an array of skill names")
                return []
            }
        }
        let learned = names("learned"), unlearned = names("unlearned")
        fields.rejectUnknown(allowing: ["learned", "unlearned"])
        try fields.check()
        let plan = try await roadmaps.mark(actor: caller.actor, id: try context.parameters.require("id"), learned: learned, unlearned: unlearned)
        return try JSONResponse.make(Self.body(plan))
    }

    static func body(_ plan: RoadmapPlan) -> JSONValue {
        .object([
            "id": .string(plan.roadmap.id),
            "target_role": .string(plan.roadmap.targetRole),
            "current_role": plan.roadmap.currentRole.map(JSONValue.string) ?? .null,
            "open_postings": .number(Double(plan.postings)),
            "progress": .number(Double(plan.progress)),
            "total_weeks": .number(Double(plan.totalWeeks)),
            "skills": .array(plan.skills.map { skill in
                .object(["name": .string(skill.name), "category": .string(skill.category), "demand": .number(Double(skill.demand)),
                         "status": .string(skill.status.rawValue), "weeks": .number(Double(skill.weeks))])
            }),
            "milestones": .array(plan.milestones.map { milestone in
                .object(["title": .string(milestone.title), "skills": .array(milestone.skills.map(JSONValue.string)),
                         "weeks": .number(Double(milestone.weeks)), "start_week": .number(Double(milestone.startWeek)),
                         "target_date": .string(Timestamps.format(milestone.targetDate)), "done": .bool(milestone.isDone)])
            }),
            "learned": .array(plan.roadmap.learned.map(JSONValue.string)),
            "updated_at": .string(Timestamps.format(plan.roadmap.updatedAt)),
        ])
    }
}

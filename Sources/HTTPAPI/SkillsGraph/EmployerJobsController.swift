import Domain
import Foundation
import Hummingbird
import SkillsGraph

/// Company jobs through the job API: `PATCH /api/v1/jobs/{id}`, `POST …/publish`, `POST …/close`, the
/// ranked anonymized candidates (`GET …/candidates`) and contact requests (`POST …/contact-requests`).
/// A job of a company one is not a member of is 404, whether it exists or not.
struct EmployerJobsController {
    typealias Context = APIRequestContext
    let jobs: EmployerJobService
    let pipeline: CandidatePipeline

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("employer/jobs/{id}", use: show)
        group.patch("jobs/{id}", use: update)
        group.post("jobs/{id}/publish", use: publish)
        group.post("jobs/{id}/close", use: close)
        group.get("jobs/{id}/candidates", use: candidates)
        group.post("jobs/{id}/contact-requests", use: requestContact)
    }

    static func location(_ id: String) -> String {
        "/api/v1/employer/jobs/\(id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "#"])) ?? id)"
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(SkillsGraphRepresentation.job(try await jobs.job(actor: caller.actor, jobID: try JobIDParameter.read(context.parameters))))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try JobIDParameter.read(context.parameters)
        _ = try await jobs.job(actor: caller.actor, jobID: id)
        let job = try await jobs.update(actor: caller.actor, jobID: id, draft: EmployerJobDraft(fields: try await CompaniesController.jobFields(request)))
        return try JSONResponse.make(SkillsGraphRepresentation.job(job))
    }

    @Sendable func publish(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(SkillsGraphRepresentation.job(try await jobs.publish(actor: caller.actor, jobID: try JobIDParameter.read(context.parameters))))
    }

    @Sendable func close(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(SkillsGraphRepresentation.job(try await jobs.close(actor: caller.actor, jobID: try JobIDParameter.read(context.parameters))))
    }

    @Sendable func candidates(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let limit = try QueryLimit.read(request, default: 50, maximum: 200)
        let (job, found) = try await pipeline.candidates(actor: caller.actor, jobID: try JobIDParameter.read(context.parameters), limit: limit)
        return try JSONResponse.make(JSONValue.object([
            "job_id": .string(job.id), "title": .string(job.title), "status": .string(job.status.rawValue),
            "candidates": .array(found.map(SkillsGraphRepresentation.anonymous)),
        ]))
    }

    @Sendable func requestContact(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try JobIDParameter.read(context.parameters)
        _ = try await jobs.job(actor: caller.actor, jobID: id)
        var fields = try await JSONFields.read(request)
        let candidate = fields.string("candidate_id", maximumLength: 100)
        let message = fields.string("message", required: false, maximumLength: 2000) ?? ""
        fields.rejectUnknown(allowing: ["candidate_id", "message"])
        try fields.check()
        let (contact, created) = try await pipeline.requestContact(actor: caller.actor, jobID: id, handle: candidate ?? "", message: message)
        return try JSONResponse.make(JSONValue.object([
            "id": .string(contact.id), "job_id": .string(contact.jobID), "candidate_id": .string(candidate ?? ""),
            "status": .string(contact.status.rawValue), "created_at": SkillsGraphRepresentation.time(contact.createdAt),
        ]), status: created ? .created : .ok)
    }
}

import Domain
import Foundation
import Hummingbird
import SkillsGraph

/// `/api/v1/companies`: employers' companies, members and invitations, and their jobs
/// (`/api/v1/companies/{id}/jobs`). Non-members get 404.
struct CompaniesController {
    typealias Context = APIRequestContext
    let companies: CompanyService
    let jobs: EmployerJobService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("companies", use: list)
        group.post("companies", use: create)
        group.get("companies/{id}", use: show)
        group.patch("companies/{id}", use: update)
        group.get("companies/{id}/members", use: members)
        group.delete("companies/{id}/members/{user_id}", use: removeMember)
        group.get("companies/{id}/invitations", use: invitations)
        group.post("companies/{id}/invitations", use: invite)
        group.post("invitations/accept", use: accept)
        group.get("companies/{id}/jobs", use: listJobs)
        group.post("companies/{id}/jobs", use: createJob)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let found = try await companies.companies(actor: caller.actor)
        return try JSONResponse.make(JSONValue.object(["companies": .array(found.map { SkillsGraphRepresentation.company($0.company, role: $0.role) })]))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let company = try await companies.create(actor: caller.actor, draft: try await Self.draft(request, creating: true))
        return try JSONResponse.make(SkillsGraphRepresentation.company(company, role: .owner), status: .created,
                                     headers: [.location: "/api/v1/companies/\(company.id)"])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let (company, role) = try await companies.company(actor: caller.actor, id: try context.parameters.require("id"))
        return try JSONResponse.make(SkillsGraphRepresentation.company(company, role: role))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        _ = try await companies.company(actor: caller.actor, id: id)
        let company = try await companies.update(actor: caller.actor, id: id, draft: try await Self.draft(request, creating: false))
        return try JSONResponse.make(SkillsGraphRepresentation.company(company, role: .owner))
    }

    @Sendable func members(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let found = try await companies.members(actor: caller.actor, companyID: try context.parameters.require("id"))
        return try JSONResponse.make(JSONValue.object(["members": .array(found.map(SkillsGraphRepresentation.member))]))
    }

    @Sendable func removeMember(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await companies.removeMember(actor: caller.actor, companyID: try context.parameters.require("id"),
                                         userID: try context.parameters.require("user_id"))
        return Response(status: .noContent)
    }

    @Sendable func invitations(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let found = try await companies.invitations(actor: caller.actor, companyID: try context.parameters.require("id"))
        return try JSONResponse.make(JSONValue.object(["invitations": .array(found.map(SkillsGraphRepresentation.invitation))]))
    }

    @Sendable func invite(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        _ = try await companies.company(actor: caller.actor, id: id)
        var fields = try await JSONFields.read(request)
        let email = fields.string("email", maximumLength: 254)
        let roleText = fields.string("role", required: false, maximumLength: 20) ?? CompanyRole.recruiter.rawValue
        let role = CompanyRole(rawValue: roleText)
        if role == nil { fields.fail("role", "must be owner or recruiter") }
        fields.rejectUnknown(allowing: ["email", "role"])
        try fields.check()
        let invitation = try await companies.invite(actor: caller.actor, companyID: id, email: email ?? "", role: role ?? .recruiter)
        return try JSONResponse.make(SkillsGraphRepresentation.invitation(invitation), status: .created)
    }

    @Sendable func accept(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let token = fields.string("token", maximumLength: 200)
        fields.rejectUnknown(allowing: ["token"])
        try fields.check()
        let company = try await companies.accept(actor: caller.actor, token: token ?? "")
        return try JSONResponse.make(SkillsGraphRepresentation.company(company, role: nil))
    }

    @Sendable func listJobs(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let found = try await jobs.jobs(actor: caller.actor, companyID: try context.parameters.require("id"))
        return try JSONResponse.make(JSONValue.object(["jobs": .array(found.map(SkillsGraphRepresentation.job))]))
    }

    @Sendable func createJob(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        _ = try await companies.company(actor: caller.actor, id: id)
        let job = try await jobs.create(actor: caller.actor, companyID: id, draft: EmployerJobDraft(fields: try await Self.jobFields(request)))
        return try JSONResponse.make(SkillsGraphRepresentation.job(job), status: .created, headers: [.location: EmployerJobsController.location(job.id)])
    }

    static let jobFieldNames: Set<String> = ["title", "description", "location", "remote", "employment_type", "min_salary", "max_salary",
                                             "currency", "skills", "company_id"]

    /// A job body, refusing fields it does not know so a typo is not silently ignored.
    static func jobFields(_ request: Request) async throws -> [String: JSONValue] {
        var fields = try await JSONFields.read(request, limit: 262_144)
        fields.rejectUnknown(allowing: jobFieldNames)
        try fields.check()
        return fields.fields.filter { $0.key != "company_id" }
    }

    static func draft(_ request: Request, creating: Bool) async throws -> CompanyDraft {
        var fields = try await JSONFields.read(request)
        var draft = CompanyDraft()
        draft.name = fields.string("name", required: creating, maximumLength: 200)
        for key in ["website", "about", "location"] where fields.fields[key] != nil {
            // null or "" clears the field; a string sets it; anything else is an error named by `string`.
            var value: String?? = .some(nil)
            if fields.fields[key] != .null, let text = fields.string(key, required: false, maximumLength: 5000), !text.isEmpty { value = .some(text) }
            switch key {
            case "website": draft.website = value
            case "about": draft.about = value
            default: draft.location = value
            }
        }
        fields.rejectUnknown(allowing: ["name", "website", "about", "location"])
        try fields.check()
        return draft
    }
}

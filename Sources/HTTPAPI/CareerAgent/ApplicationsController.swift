import CareerAgent
import Domain
import Foundation
import Hummingbird

/// `/api/v1/applications`: the tracker of roles the user pursues, with each one's timeline.
struct ApplicationsController {
    typealias Context = APIRequestContext
    let applications: ApplicationService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("applications", use: list)
        group.post("applications", use: create)
        group.get("applications/stats", use: statistics)
        group.get("applications/{id}", use: show)
        group.patch("applications/{id}", use: update)
        group.delete("applications/{id}", use: remove)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var status: ApplicationStatus?
        if let text = request.uri.queryParameters.get("status") {
            guard let value = ApplicationStatus(rawValue: text) else {
                throw DomainError.badRequest("Unknown status.", fieldErrors: [FieldError(field: "status", message: Self.statusMessage)])
            }
            status = value
        }
        let all = try await applications.list(actor: caller.actor, status: status)
        return try JSONResponse.make(JSONValue.object(["applications": .array(all.map { Self.body($0, timeline: nil) })]))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let changes = try await Self.changes(request, creating: true)
        let application = try await applications.create(actor: caller.actor, changes)
        let (_, timeline) = try await applications.application(actor: caller.actor, id: application.id)
        return try JSONResponse.make(Self.body(application, timeline: timeline), status: .created,
                                     headers: [.location: "/api/v1/applications/\(application.id)"])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let (application, timeline) = try await applications.application(actor: caller.actor, id: try context.parameters.require("id"))
        return try JSONResponse.make(Self.body(application, timeline: timeline))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        let changes = try await Self.changes(request, creating: false)
        _ = try await applications.update(actor: caller.actor, id: id, changes)
        let (application, timeline) = try await applications.application(actor: caller.actor, id: id)
        return try JSONResponse.make(Self.body(application, timeline: timeline))
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await applications.delete(actor: caller.actor, id: try context.parameters.require("id"))
        return Response(status: .noContent)
    }

    @Sendable func statistics(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let stats = try await applications.statistics(actor: caller.actor)
        return try JSONResponse.make(JSONValue.object([
            "total": .number(Double(stats.total)),
            "by_status": .object(Dictionary(uniqueKeysWithValues: ApplicationStatus.allCases.map { ($0.rawValue, .number(Double(stats.byStatus[$0] ?? 0))) })),
            "applied_per_week": .array(stats.appliedPerWeek.map {
                .object(["week_start": .string(Timestamps.format($0.weekStart)), "count": .number(Double($0.count))])
            }),
            "response_rate": .number((stats.responseRate * 1000).rounded() / 1000),
            "median_days_to_first_response": stats.medianDaysToFirstResponse.map(JSONValue.number) ?? .null,
        ]))
    }

    static let statusMessage = "must be one of " + ApplicationStatus.names

    /// Reads the fields a client may send, naming every bad one.
    static func changes(_ request: Request, creating: Bool) async throws -> ApplicationService.Changes {
        var fields = try await JSONFields.read(request)
        var changes = ApplicationService.Changes()
        if creating { changes.jobID = fields.string("job_id", required: false, maximumLength: 300) }
        changes.company = fields.string("company", required: false, maximumLength: 200)
        changes.title = fields.string("title", required: false, maximumLength: 300)
        if fields.fields["url"] != nil { changes.url = .some(fields.string("url", required: false, maximumLength: 2_000)) }
        if let status = fields.string("status", required: false, maximumLength: 20) {
            if let value = ApplicationStatus(rawValue: status) { changes.status = value } else { fields.fail("status", statusMessage) }
        }
        changes.notes = fields.string("notes", required: false, maximumLength: 20_000)
        if fields.fields["next_action"] != nil { changes.nextAction = .some(fields.string("next_action", required: false, maximumLength: 500)) }
        if let raw = fields.fields["next_action_date"] {
            if case .string(let text) = raw, let date = Timestamps.parse(text) { changes.nextActionDate = .some(date) }
            else if case .null = raw { changes.nextActionDate = .some(nil) }
            else { fields.fail("next_action_date", "must be an ISO-8601 date or date-time") }
        }
        if let raw = fields.fields["contacts"] {
            if case .array(let items) = raw {
                var contacts: [ApplicationContact] = []
                for item in items {
                    guard case .object(let contact) = item, case .string(let name)? = contact["name"], !name.isEmpty else {
                        fields.fail("contacts", "each contact needs a name")
                        continue
                    }
                    func text(_ key: String) -> String? { if case .string(let value)? = contact[key] { value } else { nil } }
                    contacts.append(ApplicationContact(name: name, email: text("email"), role: text("role")))
                }
                changes.contacts = contacts
            } else {
                fields.fail("contacts", "must be an array of {name, email?, role?}")
            }
        }
        fields.rejectUnknown(allowing: ["job_id", "company", "title", "url", "status", "notes", "next_action", "next_action_date", "contacts"])
        try fields.check()
        return changes
    }

    static func body(_ application: JobApplication, timeline: [ApplicationEvent]?) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        var fields: [String: JSONValue] = [
            "id": .string(application.id), "job_id": optional(application.jobID), "company": .string(application.company),
            "title": .string(application.title), "url": optional(application.url), "status": .string(application.status.rawValue),
            "notes": .string(application.notes),
            "contacts": .array(application.contacts.map { .object(["name": .string($0.name), "email": optional($0.email), "role": optional($0.role)]) }),
            "next_action": optional(application.nextAction),
            "next_action_date": optional(application.nextActionDate.map(Timestamps.format)),
            "created_at": .string(Timestamps.format(application.createdAt)), "updated_at": .string(Timestamps.format(application.updatedAt)),
        ]
        if let timeline {
            fields["timeline"] = .array(timeline.map { event in
                .object(["at": .string(Timestamps.format(event.at)), "from": optional(event.from?.rawValue),
                         "to": .string(event.to.rawValue), "source": .string(event.source.rawValue)])
            })
        }
        return .object(fields)
    }
}

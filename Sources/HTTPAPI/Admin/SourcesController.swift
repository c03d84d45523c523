import Domain
import Foundation
import Hummingbird
import HummingbirdAuth
import JobPostings

/// `/api/v1/admin/sources`: list, add, remove and sync sources. Administrators only.
struct SourcesController<Context: AuthRequestContext<Caller>> {
    let service: JobSourceService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("admin/sources", use: list)
        group.post("admin/sources", use: add)
        group.get("admin/sources/{id}", use: detail)
        group.delete("admin/sources/{id}", use: remove)
        group.post("admin/sources/{id}/sync", use: sync)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        return try JSONResponse.make(["sources": try await service.statuses().map(SourceBody.init)])
    }

    @Sendable func detail(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let id = try Self.id(context)
        return try JSONResponse.make(SourceDetailBody(source: SourceBody(status: try await service.status(id: id)),
                                          runs: try await service.runs(of: id).map(SyncRunBody.init)))
    }

    @Sendable func add(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let body = try await RequestBody.json(request, limit: 65_536)
        guard case .object(let fields) = body else { throw DomainError.badRequest("The body must be a JSON object describing one source.") }
        let source = try await service.add(try Self.newSource(fields))
        var headers = HTTPFields()
        headers[.location] = "/api/v1/admin/sources/\(source.id)"
        return try JSONResponse.make(SourceBody(status: JobSourceStatus(source: source, lastRun: nil, nextRunAt: try await service.status(id: source.id).nextRunAt)),
                                     status: .created, headers: headers)
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        try await service.remove(id: try Self.id(context))
        return Response(status: .noContent)
    }

    @Sendable func sync(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let id = try Self.id(context)
        let taskID = try await service.requestSync(id: id)
        return try JSONResponse.make(["task_id": taskID, "source_id": id], status: .accepted)
    }

    static func id(_ context: Context) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")), id > 0 else {
            throw DomainError.badRequest("The id must be a positive integer.", fieldErrors: [FieldError(field: "id", message: "must be a positive integer")])
        }
        return id
    }

    /// Reads the body's fields, naming every one of the wrong type or unknown.
    static func newSource(_ fields: [String: JSONValue]) throws -> JobSourceService.NewSource {
        var errors: [FieldError] = []
        let known: Set = ["kind", "name", "board", "site", "url", "count", "base_url", "schedule", "enabled"]
        for name in fields.keys.sorted() where !known.contains(name) { errors.append(FieldError(field: name, message: "is not a source field")) }
        func text(_ name: String) -> String? {
            switch fields[name] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default:
                errors.append(FieldError(field: name, message: "must be a string"))
                return nil
            }
        }
        let kind = text("kind")
        if kind == nil, fields["kind"] == nil || fields["kind"] == .null { errors.append(FieldError(field: "kind", message: "is required")) }
        var count: Int?
        switch fields["count"] {
        case nil, .null?: break
        case .number(let value)? where value == value.rounded() && abs(value) < 1e9: count = Int(value)
        default: errors.append(FieldError(field: "count", message: "must be an integer"))
        }
        var enabled = true
        switch fields["enabled"] {
        case nil, .null?: break
        case .bool(let value)?: enabled = value
        default: errors.append(FieldError(field: "enabled", message: "must be true or false"))
        }
        let parameters = SourceParameters(board: text("board"), site: text("site"), url: text("url"), count: count, baseURL: text("base_url"))
        let name = text("name"), schedule = text("schedule")
        guard errors.isEmpty, let kind else { throw DomainError.badRequest("The source has invalid fields.", fieldErrors: errors) }
        return JobSourceService.NewSource(kind: kind, parameters: parameters, name: name, schedule: schedule, enabled: enabled)
    }
}

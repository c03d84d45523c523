import AccessGovernance
import Domain
import Foundation
import Hummingbird

/// `/api/v1/access/audit`, for admins: the hash-chained log with filters, as JSON or JSON Lines, and its verification.
struct AccessAuditController {
    typealias Context = APIRequestContext
    let access: AccessGovernanceAPI

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("access/audit", use: list)
        group.get("access/audit/verify", use: verify)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let query = request.uri.queryParameters
        var errors: [FieldError] = []
        func date(_ name: String) -> Date? {
            guard let text = query.get(name) else { return nil }
            guard let date = Timestamps.parse(text) else { errors.append(FieldError(field: name, message: "must be an ISO-8601 time")); return nil }
            return date
        }
        func integer(_ name: String) -> Int? {
            guard let text = query.get(name) else { return nil }
            guard let value = Int(text), value >= 0 else { errors.append(FieldError(field: name, message: "must be a whole number")); return nil }
            return value
        }
        let from = date("from"), to = date("to"), after = integer("after"), limit = integer("limit")
        let format = query.get("format") ?? "json"
        if !["json", "jsonl"].contains(format) { errors.append(FieldError(field: "format", message: "must be json or jsonl")) }
        if !errors.isEmpty { throw DomainError.invalid("Some filters are not valid.", fieldErrors: errors) }
        let filter = AuditFilter(action: query.get("action"), actor: query.get("actor"), subject: query.get("subject"), from: from, to: to,
                                 afterSequence: after.map(Int64.init), limit: limit ?? AuditFilter.defaultLimit)
        let entries = try await access.audit.entries(filter)
        if format == "jsonl" {
            return Response(status: .ok, headers: [.contentType: "application/x-ndjson; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"access-audit.jsonl\""],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: AuditJSONLines.encode(entries))))
        }
        return try JSONResponse.make(JSONValue.object(["entries": try JSONValue.encoding(entries)]))
    }

    @Sendable func verify(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        switch try await access.audit.verify() {
        case .intact(let count, let head):
            return try JSONResponse.make(JSONValue.object(["intact": .bool(true), "entries": .number(Double(count)), "head": head.map(JSONValue.string) ?? .null]))
        case .broken(let sequence, let reason):
            return try JSONResponse.make(JSONValue.object(["intact": .bool(false), "broken_at": .number(Double(sequence)), "reason": .string(reason)]))
        }
    }
}

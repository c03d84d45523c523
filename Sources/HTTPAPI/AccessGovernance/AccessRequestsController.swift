import AccessGovernance
import Domain
import Foundation
import Hummingbird

/// `/api/v1/access/requests`, `/approvals` and `/chat`: natural-language access requests, decided
/// and explained; approvals by managers, owners and IT; a chat that fills the slots over turns.
struct AccessRequestsController {
    typealias Context = APIRequestContext
    let access: AccessGovernanceAPI

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("access/requests", use: submit)
        group.get("access/requests", use: list)
        group.get("access/requests/{id}", use: show)
        group.post("access/requests/{id}/approve", use: approve)
        group.post("access/requests/{id}/deny", use: deny)
        group.post("access/requests/{id}/revoke", use: revoke)
        group.get("access/approvals", use: approvals)
        group.post("access/chat", use: chat)
    }

    @Sendable func submit(_ request: Request, context: Context) async throws -> Response {
        let caller = try await access.caller(context)
        var fields = try await JSONFields.read(request)
        let text = fields.string("text", maximumLength: AccessRequestService.maximumTextLength)
        let requester = fields.string("requester", required: false, maximumLength: 320)
        fields.rejectUnknown(allowing: ["text", "requester"])
        try fields.check()
        let answer = try await access.requests.submit(text: text!, caller: caller, requester: requester)
        return try JSONResponse.make(try AccessRepresentation.request(answer), status: .created,
                                     headers: [.location: "/api/v1/access/requests/\(answer.id)"])
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try await access.caller(context)
        var status: AccessRequestStatus?
        if let text = request.uri.queryParameters.get("status") {
            guard let value = AccessRequestStatus(rawValue: text) else {
                throw DomainError.invalid("Unknown status.", fieldErrors: [FieldError(
                    field: "status", message: "must be one of " + AccessRequestStatus.allCases.map(\.rawValue).joined(separator: ", "))])
            }
            status = value
        }
        return try JSONResponse.make(try AccessRepresentation.requests(try await access.requests.requests(caller: caller, status: status)))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try await access.caller(context)
        return try JSONResponse.make(try AccessRepresentation.request(
            try await access.requests.request(id: try context.parameters.require("id"), caller: caller)))
    }

    @Sendable func approve(_ request: Request, context: Context) async throws -> Response { try await decide(request, context, approve: true) }
    @Sendable func deny(_ request: Request, context: Context) async throws -> Response { try await decide(request, context, approve: false) }

    private func decide(_ request: Request, _ context: Context, approve: Bool) async throws -> Response {
        let caller = try await access.caller(context)
        var fields = try await JSONFields.read(request, allowingEmpty: true)
        let comment = fields.string("comment", required: false, maximumLength: 2_000)
        fields.rejectUnknown(allowing: ["comment"])
        try fields.check()
        let decided = try await access.requests.decide(id: try context.parameters.require("id"), approve: approve, comment: comment, caller: caller)
        return try JSONResponse.make(try AccessRepresentation.request(decided))
    }

    @Sendable func revoke(_ request: Request, context: Context) async throws -> Response {
        let caller = try await access.caller(context)
        var fields = try await JSONFields.read(request, allowingEmpty: true)
        let reason = fields.string("reason", required: false, maximumLength: 2_000)
        fields.rejectUnknown(allowing: ["reason"])
        try fields.check()
        let revoked = try await access.requests.revoke(id: try context.parameters.require("id"), reason: reason, caller: caller)
        return try JSONResponse.make(try AccessRepresentation.request(revoked))
    }

    @Sendable func approvals(_ request: Request, context: Context) async throws -> Response {
        let caller = try await access.caller(context)
        return try JSONResponse.make(try AccessRepresentation.requests(try await access.requests.approvals(caller: caller)))
    }

    /// `{"text", "session_id"?, "requester"?}` → the assistant's reply, the slots so far, and the request once submitted.
    @Sendable func chat(_ request: Request, context: Context) async throws -> Response {
        let caller = try await access.caller(context)
        var fields = try await JSONFields.read(request)
        let text = fields.string("text", maximumLength: AccessRequestService.maximumTextLength)
        let sessionID = fields.string("session_id", required: false, maximumLength: 100)
        let requester = fields.string("requester", required: false, maximumLength: 320)
        fields.rejectUnknown(allowing: ["text", "session_id", "requester"])
        try fields.check()
        let reply = try await access.chat.send(text!, sessionID: sessionID, requester: requester, caller: caller)
        var body: [String: JSONValue] = [
            "session_id": .string(reply.session.id),
            "reply": .string(reply.reply),
            "entities": try JSONValue.encoding(reply.session.entities),
            "missing": .array(reply.missing.map { .string($0.rawValue) }),
            "unknown": try JSONValue.encoding(reply.unknown),
            "question": try reply.question.map(JSONValue.encoding) ?? .null,
            "request": try reply.request.map(AccessRepresentation.request) ?? .null,
        ]
        body["status"] = .string(reply.request?.status.rawValue ?? "collecting")
        return try JSONResponse.make(JSONValue.object(body))
    }
}

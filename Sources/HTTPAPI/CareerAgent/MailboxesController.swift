import CareerAgent
import Domain
import Foundation
import Hummingbird

/// `/api/v1/mailboxes`: IMAP folders the user connects; read on a schedule, or now with `/sync`.
/// The password goes in once and never comes back out.
struct MailboxesController {
    typealias Context = APIRequestContext
    let mailboxes: MailboxService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("mailboxes", use: list)
        group.post("mailboxes", use: connect)
        group.get("mailboxes/{id}", use: show)
        group.delete("mailboxes/{id}", use: disconnect)
        group.post("mailboxes/{id}/sync", use: sync)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let all = try await mailboxes.list(actor: caller.actor)
        return try JSONResponse.make(JSONValue.object(["mailboxes": .array(all.map(Self.body))]))
    }

    @Sendable func connect(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let host = fields.string("host", required: true, maximumLength: 253)
        let username = fields.string("username", required: true, maximumLength: 320)
        let password = fields.string("password", required: true, maximumLength: 1_000)
        let folder = fields.string("folder", required: false, maximumLength: 500) ?? "INBOX"
        var security = ConnectedMailbox.Security.tls
        if let text = fields.string("security", required: false, maximumLength: 20) {
            if let value = ConnectedMailbox.Security(rawValue: text.lowercased()) { security = value }
            else { fields.fail("security", "must be one of tls, starttls, plain") }
        }
        var port: Int?
        if let raw = fields.fields["port"] {
            if case .number(let number) = raw, number == number.rounded(), (1...65_535).contains(number) { port = Int(number) }
            else { fields.fail("port", "must be a whole number from 1 to 65535") }
        }
        if let host, host.contains(where: { $0.isWhitespace || $0 == "/" }) { fields.fail("host", "must be a host name or address") }
        fields.rejectUnknown(allowing: ["host", "port", "security", "username", "password", "folder"])
        try fields.check()
        let mailbox = try await mailboxes.connect(actor: caller.actor, MailboxService.Connection(
            host: host!, port: port, security: security, username: username!, password: password!, folder: folder))
        return try JSONResponse.make(Self.body(mailbox), status: .created, headers: [.location: "/api/v1/mailboxes/\(mailbox.id)"])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(Self.body(try await mailboxes.mailbox(actor: caller.actor, id: try context.parameters.require("id"))))
    }

    @Sendable func disconnect(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await mailboxes.disconnect(actor: caller.actor, id: try context.parameters.require("id"))
        return Response(status: .noContent)
    }

    @Sendable func sync(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        let result = try await mailboxes.sync(actor: caller.actor, id: id)
        let mailbox = try await mailboxes.mailbox(actor: caller.actor, id: id)
        return try JSONResponse.make(JSONValue.object([
            "read": .number(Double(result.read)), "kept": .number(Double(result.kept)),
            "error": result.error.map(JSONValue.string) ?? .null, "mailbox": Self.body(mailbox),
        ]))
    }

    static func body(_ mailbox: ConnectedMailbox) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            "id": .string(mailbox.id), "host": .string(mailbox.host), "port": .number(Double(mailbox.port)),
            "security": .string(mailbox.security.rawValue), "username": .string(mailbox.username), "folder": .string(mailbox.folder),
            "uid_validity": mailbox.uidValidity.map { .number(Double($0)) } ?? .null,
            "last_uid": mailbox.lastUID.map { .number(Double($0)) } ?? .null,
            "last_sync_at": optional(mailbox.lastSyncAt.map(Timestamps.format)), "last_error": optional(mailbox.lastError),
            "messages_read": .number(Double(mailbox.messagesRead)), "created_at": .string(Timestamps.format(mailbox.createdAt)),
        ])
    }
}

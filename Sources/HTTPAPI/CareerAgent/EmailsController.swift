import CareerAgent
import Domain
import Foundation
import Hummingbird

/// `/api/v1/emails`: job-search mail in (one raw message, an mbox, or uploaded files), what triage
/// read from each, and the user's decision on its proposal.
struct EmailsController {
    typealias Context = APIRequestContext
    let inbox: EmailTriageService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("emails", use: list)
        group.post("emails", use: receive)
        group.get("emails/{id}", use: show)
        group.post("emails/{id}/confirm", use: confirm)
        group.post("emails/{id}/dismiss", use: dismiss)
    }

    /// `message/rfc822`: one message (201, or 200 when it was already received); `application/mbox`:
    /// every message of the file; `multipart/form-data`: `.eml` and `.mbox` files in parts named `files`.
    @Sendable func receive(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let type = request.headers[.contentType]?.lowercased() ?? ""
        let limit = EmailTriageService.maximumMessageBytes
        if type.hasPrefix("message/rfc822") {
            let raw = try await Self.body(request, limit: limit)
            let (email, inserted) = try await inbox.receive(actor: caller.actor, raw: raw, source: .api)
            return try JSONResponse.make(EmailRepresentation.body(email), status: inserted ? .created : .ok,
                                         headers: [.location: "/api/v1/emails/\(email.id)"])
        }
        if type.hasPrefix("application/mbox") {
            let raw = try await Self.body(request, limit: 200 * 1_048_576)
            return try await archiveResponse(try await inbox.receiveArchive(actor: caller.actor, mbox: raw, source: .api))
        }
        if type.hasPrefix("multipart/form-data") {
            let files = try await MultipartUpload.readAll(request, field: "files", limit: 200 * 1_048_576)
            guard !files.isEmpty else {
                throw DomainError.badRequest("Attach .eml or .mbox files.", fieldErrors: [FieldError(field: "files", message: "is required")])
            }
            var emails: [TriagedEmail] = [], unreadable = 0
            for file in files {
                if Self.isMailbox(file) {
                    let result = try await inbox.receiveArchive(actor: caller.actor, mbox: file.data, source: .upload)
                    emails += result.emails
                    unreadable += result.unreadable
                } else if let received = try? await inbox.receive(actor: caller.actor, raw: file.data, source: .upload) {
                    emails.append(received.email)
                } else {
                    unreadable += 1
                }
            }
            return try await archiveResponse((emails, unreadable))
        }
        throw DomainError.unsupportedMediaType("Send a raw message as message/rfc822, an mbox as application/mbox, or files as multipart/form-data.")
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var state: EmailState?
        if let text = request.uri.queryParameters.get("state") {
            guard let value = EmailState(rawValue: text) else {
                throw DomainError.badRequest("Unknown state.", fieldErrors: [FieldError(
                    field: "state", message: "must be one of " + EmailState.allCases.map(\.rawValue).joined(separator: ", "))])
            }
            state = value
        }
        let limit = try QueryLimit.read(request, default: 50, maximum: 500)
        let emails = try await inbox.list(actor: caller.actor, state: state, limit: limit)
        return try JSONResponse.make(JSONValue.object(["emails": .array(emails.map(EmailRepresentation.body))]))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(EmailRepresentation.body(try await inbox.email(actor: caller.actor, id: try context.parameters.require("id"))))
    }

    /// Applies the proposal; `{application_id, status}` may change it.
    @Sendable func confirm(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        var fields = try await JSONFields.read(request, allowingEmpty: true)
        var confirmation = EmailTriageService.Confirmation()
        confirmation.applicationID = fields.string("application_id", required: false, maximumLength: 100)
        if let status = fields.string("status", required: false, maximumLength: 20) {
            if let value = ApplicationStatus(rawValue: status) { confirmation.status = value }
            else { fields.fail("status", ApplicationsController.statusMessage) }
        }
        fields.rejectUnknown(allowing: ["application_id", "status"])
        try fields.check()
        let (email, interview) = try await inbox.confirm(actor: caller.actor, id: id, confirmation)
        return try JSONResponse.make(JSONValue.object([
            "email": EmailRepresentation.body(email),
            "interview": interview.map(InterviewsController.body) ?? .null,
        ]))
    }

    @Sendable func dismiss(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let email = try await inbox.dismiss(actor: caller.actor, id: try context.parameters.require("id"))
        return try JSONResponse.make(EmailRepresentation.body(email))
    }

    private func archiveResponse(_ result: (emails: [TriagedEmail], unreadable: Int)) async throws -> Response {
        try JSONResponse.make(JSONValue.object([
            "received": .number(Double(result.emails.count)), "unreadable": .number(Double(result.unreadable)),
            "emails": .array(result.emails.map(EmailRepresentation.body)),
        ]), status: .created)
    }

    private static func isMailbox(_ file: MultipartUpload) -> Bool {
        file.fileName.lowercased().hasSuffix(".mbox") || file.contentType?.lowercased().contains("mbox") == true
            || file.data.prefix(5) == Data("From ".utf8)
    }

    private static func body(_ request: Request, limit: Int) async throws -> Data {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw DomainError.tooLarge("The message is larger than \(limit / 1_048_576) MB.")
        }
        guard buffer.readableBytes > 0 else {
            throw DomainError.badRequest("The body is empty.", fieldErrors: [FieldError(field: "message", message: "is required")])
        }
        return Data(buffer.readableBytesView)
    }
}

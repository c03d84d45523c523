import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/inbox`: job-search mail read by triage. Upload `.eml` files or an `.mbox`, connect an IMAP
/// mailbox, and confirm or dismiss each proposal; nothing changes an application until confirmed.
struct InboxPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("inbox", use: show)
        group.post("inbox/upload", use: upload)
        group.post("inbox/{id}/confirm", use: confirm)
        group.post("inbox/{id}/dismiss", use: dismiss)
        group.post("inbox/mailboxes", use: connect)
        group.post("inbox/mailboxes/{id}/sync", use: sync)
        group.post("inbox/mailboxes/{id}/delete", use: disconnect)
    }

    private var inbox: EmailTriageService { web.dependencies.careerAgent.inbox }
    private var mailboxes: MailboxService { web.dependencies.careerAgent.mailboxes }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await render(user: user, request, context)
    }

    private func render(user: Authenticated, error: String? = nil, _ request: Request, _ context: APIRequestContext,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let csrf = context.csrfToken ?? ""
        let emails = try await inbox.list(actor: user.actor, limit: 200)
        let pending = emails.filter { $0.state == .pending }
        let others = emails.filter { $0.state != .pending }
        let boxes = try await mailboxes.list(actor: user.actor)
        let model: [String: Any] = [
            "csrf": csrf, "pending": pending.map { Self.row($0, csrf: csrf) }, "hasPending": !pending.isEmpty,
            "others": others.prefix(100).map { Self.row($0, csrf: csrf) }, "hasOthers": !others.isEmpty,
            "mailboxes": boxes.map { box in
                ["id": box.id, "label": "\(box.username) · \(box.host) · \(box.folder)", "read": box.messagesRead,
                 "lastSync": box.lastSyncAt.map(PostingText.date) ?? "not yet", "error": box.lastError ?? "", "hasError": box.lastError != nil,
                 "csrf": csrf] as [String: Any]
            },
            "hasMailboxes": !boxes.isEmpty, "error": error ?? "", "hasError": error != nil,
        ]
        return await web.page("inbox", model, title: "Inbox", request, context, status: status)
    }

    @Sendable func upload(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/inbox").response }
        let files = try await MultipartUpload.readAll(request, field: "files", limit: 200 * 1_048_576)
        try BrowserSession.check(token: files.first?.fields["csrf"], request: request)
        guard !files.isEmpty, files.contains(where: { !$0.data.isEmpty }) else {
            return try await render(user: user, error: "Choose one or more .eml files or an .mbox file.", request, context, status: .badRequest)
        }
        var unreadable = 0
        for file in files where !file.data.isEmpty {
            if file.fileName.lowercased().hasSuffix(".mbox") || file.data.prefix(5) == Data("From ".utf8) {
                unreadable += try await inbox.receiveArchive(actor: user.actor, mbox: file.data, source: .upload).unreadable
            } else if (try? await inbox.receive(actor: user.actor, raw: file.data, source: .upload)) == nil {
                unreadable += 1
            }
        }
        if unreadable > 0 {
            return try await render(user: user, error: "\(unreadable) file(s) were not email messages and were skipped.", request, context,
                                    status: .badRequest)
        }
        return PageRenderer.redirect(to: "/inbox?notice=emails-uploaded")
    }

    @Sendable func confirm(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/inbox").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        var confirmation = EmailTriageService.Confirmation()
        confirmation.status = form["status"].flatMap(ApplicationStatus.init(rawValue:))
        confirmation.applicationID = form["application_id"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try await inbox.confirm(actor: user.actor, id: try context.parameters.require("id"), confirmation)
        } catch DomainError.notFound(_) {
            return await web.notFound("message", back: ("/inbox", "Inbox"), request, context)
        } catch DomainError.badRequest(let message, _) {
            return try await render(user: user, error: message, request, context, status: .badRequest)
        } catch DomainError.conflict(let message) {
            return try await render(user: user, error: message, request, context, status: .conflict)
        }
        return PageRenderer.redirect(to: "/inbox?notice=email-confirmed")
    }

    @Sendable func dismiss(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/inbox").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        do {
            _ = try await inbox.dismiss(actor: user.actor, id: try context.parameters.require("id"))
        } catch DomainError.notFound(_) {
            return await web.notFound("message", back: ("/inbox", "Inbox"), request, context)
        } catch DomainError.conflict(let message) {
            return try await render(user: user, error: message, request, context, status: .conflict)
        }
        return PageRenderer.redirect(to: "/inbox?notice=email-dismissed")
    }

    @Sendable func connect(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/inbox").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let host = (form["host"] ?? "").trimmingCharacters(in: .whitespaces)
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        guard !host.isEmpty, !username.isEmpty, !password.isEmpty else {
            return try await render(user: user, error: "Give the server, the user name and the password.", request, context, status: .badRequest)
        }
        let security = ConnectedMailbox.Security(rawValue: form["security"] ?? "tls") ?? .tls
        do {
            _ = try await mailboxes.connect(actor: user.actor, MailboxService.Connection(
                host: host, port: form["port"].flatMap { Int($0) }, security: security, username: username, password: password,
                folder: form["folder"].flatMap { $0.isEmpty ? nil : $0 } ?? "INBOX"))
        } catch DomainError.badRequest(_, let fields) {
            let reason = fields.map { "The \($0.field) \($0.message)." }.joined(separator: " ")
            return try await render(user: user, error: reason.isEmpty ? "The mailbox could not be opened." : reason, request, context, status: .badRequest)
        }
        return PageRenderer.redirect(to: "/inbox?notice=mailbox-connected")
    }

    @Sendable func sync(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/inbox").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        do {
            _ = try await mailboxes.sync(actor: user.actor, id: try context.parameters.require("id"))
        } catch DomainError.notFound(_) {
            return await web.notFound("mailbox", back: ("/inbox", "Inbox"), request, context)
        }
        return PageRenderer.redirect(to: "/inbox?notice=mailbox-synced")
    }

    @Sendable func disconnect(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/inbox").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        do {
            try await mailboxes.disconnect(actor: user.actor, id: try context.parameters.require("id"))
        } catch DomainError.notFound(_) {
            return await web.notFound("mailbox", back: ("/inbox", "Inbox"), request, context)
        }
        return PageRenderer.redirect(to: "/inbox?notice=mailbox-removed")
    }

    static func row(_ email: TriagedEmail, csrf: String) -> [String: Any] {
        let analysis = email.analysis
        let proposal = email.proposal
        var action = ""
        if let proposal {
            let target = proposal.newApplication.map { "a new application: \($0.title) at \($0.company)" } ?? "your application"
            if let status = proposal.toStatus { action = "Move \(target) to \(ApplicationPages.label(status))" }
            else if proposal.newApplication != nil { action = "Track \(target)" }
            else { action = "Keep \(target) as it is" }
            if proposal.addsInterview { action += " and add the interview to your calendar" }
        }
        let interview = analysis.interview
        return [
            "id": email.id, "csrf": csrf, "subject": email.subject.isEmpty ? "(no subject)" : email.subject,
            "from": email.fromName ?? email.fromAddress ?? "", "date": email.sentAt.map(PostingText.date) ?? "",
            "category": analysis.category.value.rawValue.replacingOccurrences(of: "_", with: " "),
            "confidence": Int((analysis.category.confidence * 100).rounded()),
            "evidence": analysis.category.evidence.map(\.text).prefix(3).joined(separator: "; "),
            "company": analysis.company?.value ?? "", "title": analysis.jobTitle?.value ?? "",
            "hasInterview": interview != nil, "interviewStart": interview?.start ?? "",
            "interviewStatus": interview?.timeStatus.rawValue.replacingOccurrences(of: "_", with: " ") ?? "",
            "interviewPlace": interview?.locationOrLink ?? interview?.locationType?.rawValue ?? "",
            "action": action, "hasAction": !action.isEmpty, "state": email.state.rawValue.replacingOccurrences(of: "_", with: " "),
            "applicationURL": email.applicationID.map { "/applications/\($0)" } ?? "", "hasApplication": email.applicationID != nil,
        ]
    }
}

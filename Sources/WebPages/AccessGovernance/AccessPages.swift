import AccessGovernance
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/access`: ask for access in a chat, see your requests and their decisions, and approve what waits for you.
struct AccessPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("access", use: home)
        group.post("access/chat", use: chat)
        group.get("access/requests/{id}", use: show)
        group.get("access/approvals", use: approvals)
        group.post("access/requests/{id}/decide", use: decide)
    }

    private var access: AccessGovernanceAPI { web.dependencies.access }

    @Sendable func home(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let caller = try await access.caller(context)
        let snapshot = try await access.directory.snapshot()
        var turns: [[String: Any]] = []
        var sessionID = ""
        if let id = request.uri.queryParameters.get("session"), let session = try await access.chat.session(id: id, caller: caller) {
            sessionID = session.requestID == nil ? session.id : ""
            turns = session.turns.map { ["text": $0.text, "mine": $0.speaker == .requester] as [String: Any] }
            if let requestID = session.requestID { turns.append(["text": "", "mine": false, "link": "/access/requests/\(requestID)"]) }
        }
        let requests = try await access.requests.requests(caller: caller, limit: 50).map { AccessPageModels.summary($0, snapshot: snapshot) }
        let me = caller.email.flatMap { snapshot.user(email: $0) }
        return await web.page("access", [
            "turns": turns, "hasTurns": !turns.isEmpty, "session": sessionID, "requests": requests, "hasRequests": !requests.isEmpty,
            "csrf": context.csrfToken ?? "", "inDirectory": me != nil, "me": me?.name ?? "", "hasDirectory": !snapshot.document.users.isEmpty,
        ] as [String: Any], title: "Access", request, context)
    }

    @Sendable func chat(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user? = context.identity else { return RedirectToSignIn(path: "/access").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let caller = try await access.caller(context)
        let text = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= AccessRequestService.maximumTextLength else { return PageRenderer.redirect(to: "/access") }
        let session = form["session_id"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            let reply = try await access.chat.send(text, sessionID: session, requester: nil, caller: caller)
            return PageRenderer.redirect(to: "/access?session=\(reply.session.id)")
        } catch DomainError.notFound {
            return PageRenderer.redirect(to: "/access")
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let caller = try await access.caller(context)
        let found: AccessRequest
        do {
            found = try await access.requests.request(id: try context.parameters.require("id"), caller: caller)
        } catch DomainError.notFound {
            return await web.notFound("request", back: ("/access", "Your requests"), request, context)
        }
        let snapshot = try await access.directory.snapshot()
        let waiting = try await access.requests.mayDecide(found, caller: caller)
        return await web.page("access-request", AccessPageModels.detail(found, snapshot: snapshot, canDecide: waiting, csrf: context.csrfToken ?? ""),
                              title: "Access request", request, context)
    }

    @Sendable func approvals(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let caller = try await access.caller(context)
        let snapshot = try await access.directory.snapshot()
        let waiting = try await access.requests.approvals(caller: caller).map { AccessPageModels.summary($0, snapshot: snapshot) }
        return await web.page("access-approvals", ["requests": waiting, "hasRequests": !waiting.isEmpty, "csrf": context.csrfToken ?? ""] as [String: Any],
                              title: "Approvals", request, context)
    }

    @Sendable func decide(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user? = context.identity else { return RedirectToSignIn(path: "/access/approvals").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let caller = try await access.caller(context)
        let id = try context.parameters.require("id")
        let comment = form["comment"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : String($0.prefix(2_000)) }
        do {
            _ = try await access.requests.decide(id: id, approve: form["decision"] == "approve", comment: comment, caller: caller)
        } catch DomainError.notFound {
            return await web.notFound("request", back: ("/access/approvals", "Approvals"), request, context)
        } catch DomainError.forbidden(let message), DomainError.conflict(let message) {
            return await web.message("Not decided", message, link: ("/access/requests/\(id)", "The request"), status: .conflict, request, context)
        }
        return PageRenderer.redirect(to: "/access/requests/\(id)")
    }
}

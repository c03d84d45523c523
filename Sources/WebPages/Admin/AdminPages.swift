import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings
import Platform

/// `/admin`: sources with their sync status and a "sync now" button, tasks and dead letters with
/// replay, and users with their groups. Administrators only; others get 404, as if it did not exist.
struct AdminPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("admin") { request, context in try await admin(request, context) { _ in await page(request, context) } }
        group.post("admin/sources/{id}/sync") { request, context in
            try await adminForm(request, context) { _, _ in
                _ = try await web.dependencies.sources.requestSync(id: try Self.id(context))
                return PageRenderer.redirect(to: "/admin")
            }
        }
        group.post("admin/tasks/dead/replay") { request, context in
            try await adminForm(request, context) { _, _ in
                _ = try await web.dependencies.tasks.replayAll()
                return PageRenderer.redirect(to: "/admin")
            }
        }
        group.post("admin/tasks/dead/{id}/replay") { request, context in
            try await adminForm(request, context) { _, _ in
                _ = try await web.dependencies.tasks.replay(deadLetterID: try Self.id(context))
                return PageRenderer.redirect(to: "/admin")
            }
        }
        group.post("admin/users/{id}") { request, context in
            try await adminForm(request, context) { actor, form in
                let groups = Set(form.all("groups").compactMap(UserGroup.init(rawValue:)))
                do {
                    _ = try await web.accounts.administration.change(try context.parameters.require("id"),
                                                                      .init(groups: groups, disabled: form.isChecked("disabled")), by: actor)
                    return PageRenderer.redirect(to: "/admin")
                } catch let error as DomainError {
                    return await page(request, context, error: AuthPages.text(error), status: AuthPages.status(error))
                }
            }
        }
    }

    private func admin(_ request: Request, _ context: APIRequestContext, _ body: (Actor) async throws -> Response) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        guard user.actor.isAdmin else {
            return await web.message("Page not found", "There is no page at this address.", link: ("/", "Search jobs"), status: .notFound, request, context)
        }
        return try await body(user.actor)
    }

    private func adminForm(_ request: Request, _ context: APIRequestContext, _ body: (Actor, FormBody) async throws -> Response) async throws -> Response {
        try await admin(request, context) { actor in
            let form = try await FormBody.read(request)
            try BrowserSession.check(form, request: request)
            return try await body(actor, form)
        }
    }

    private static func id(_ context: APIRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound("There is no such item.") }
        return id
    }

    private func page(_ request: Request, _ context: APIRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        let csrf = context.csrfToken ?? ""
        let statuses = (try? await web.dependencies.sources.statuses()) ?? []
        let sources: [[String: Any]] = statuses.map { status in
            let run = status.lastRun
            return [
                "id": status.source.id, "name": status.source.name, "kind": status.source.kind.rawValue, "csrf": csrf,
                "lastRun": run.map { "\($0.status.rawValue), \(PostingText.date($0.finishedAt))" } ?? "never",
                "counts": run.map { "\($0.fetched) fetched, \($0.inserted) new, \($0.updated) updated, \($0.closed) closed, \($0.skipped) skipped" } ?? "",
                "nextRun": status.nextRunAt.map(Timestamps.format) ?? "not scheduled",
            ]
        }
        let queue = web.dependencies.tasks
        let statistics = try? await queue.statistics()
        let dead: [[String: Any]] = ((try? await queue.deadLetters(limit: 50)) ?? []).map {
            ["id": $0.id, "name": $0.name, "receives": $0.receives, "lastError": String($0.lastError.prefix(300)), "csrf": csrf]
        }
        let tasks: [[String: Any]] = ((try? await queue.tasks(limit: 20)) ?? []).map {
            ["name": $0.name, "state": "\($0.state)", "receives": $0.receives, "updated": Timestamps.format($0.updatedAt)]
        }
        let cursor = request.uri.queryParameters.get("users_after")
        let userPage = try? await web.accounts.administration.list(limit: 50, cursor: cursor)
        let users: [[String: Any]] = (userPage?.users ?? []).map { user in
            [
                "id": user.id, "name": user.name, "email": user.email, "csrf": csrf, "disabled": user.isDisabled,
                "status": user.isDisabled ? "disabled" : user.isVerified ? "active" : "unverified",
                "groups": UserGroup.allCases.map { ["value": $0.rawValue, "checked": user.groups.contains($0)] as [String: Any] },
            ]
        }
        let model: [String: Any] = [
            "csrf": csrf, "error": error as Any, "sources": sources, "hasSources": !sources.isEmpty, "dead": dead, "hasDead": !dead.isEmpty,
            "tasks": tasks, "users": users,
            "statistics": statistics.map { "\($0.queued) queued, \($0.running) running, \($0.done) done, \($0.dead) dead" } ?? "",
            "nextURL": userPage?.nextCursor.map { "/admin?users_after=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } as Any,
        ]
        return await web.page("admin", model, title: "Administration", request, context, status: status)
    }
}

import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings
import SkillsGraph

/// The candidate's side of matching: `/matches` (the jobs that fit, why, and what is missing; then
/// the employers' contact requests to accept or decline) and `/notifications` (the inbox and the
/// mail preference).
struct SkillsMatchPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("matches", use: matches)
        group.get("contact-requests", use: contactRequests)
        group.post("contact-requests/{id}/accept") { request, context in try await answer(request, context, accept: true) }
        group.post("contact-requests/{id}/decline") { request, context in try await answer(request, context, accept: false) }
        group.get("notifications", use: notifications)
        group.post("notifications/read", use: markRead)
        group.post("notifications/mail", use: saveMail)
    }

    private var api: SkillsGraphAPI { web.skillsGraph }

    // MARK: Matches

    @Sendable func matches(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await renderMatches(user: user, request, context)
    }

    private func renderMatches(user: Authenticated, notice: String? = nil, _ request: Request, _ context: APIRequestContext,
                               status: HTTPResponse.Status = .ok) async throws -> Response {
        let found = try await api.pipeline.matches(actor: user.actor, limit: 50)
        let requests = try await api.pipeline.contactRequests(actor: user.actor).sorted { $0.request.createdAt > $1.request.createdAt }
        let rows = found.enumerated().map { index, view in Self.matchRow(view, number: index + 1) }
        let contactRows = requests.map { item -> [String: Any] in
            let request = item.request
            let published = item.job?.status == .published
            return [
                "company": item.company?.name ?? "A company", "jobTitle": item.job?.title ?? "a job",
                "jobURL": published ? PostingText.url(request.jobID) : "", "message": request.message,
                "requestStatus": request.status.rawValue, "isPending": request.status == .pending,
                "received": SkillsText.time(request.createdAt),
                "acceptAction": "/contact-requests/\(SkillsText.segment(request.id))/accept",
                "declineAction": "/contact-requests/\(SkillsText.segment(request.id))/decline",
            ]
        }
        let model: [String: Any] = [
            "matches": rows, "hasMatches": !rows.isEmpty, "requests": contactRows, "hasRequests": !contactRows.isEmpty,
            "pendingCount": "\(requests.filter { $0.request.status == .pending }.count)",
        ]
        return await web.skillsPage("matches", model, title: "Your matches", notice: notice, request, context, status: status)
    }

    static func matchRow(_ view: CandidateMatchView, number: Int) -> [String: Any] {
        let posting = view.posting
        let place = [posting.location, posting.remote ? "remote" : ""].filter { !$0.isEmpty }.joined(separator: " · ")
        return [
            "number": "\(number)", "headingID": "match-\(number)", "title": posting.title, "url": PostingText.url(posting.jobID),
            "company": posting.company, "place": place, "score": "\(view.pair.score)",
            "components": view.match.components.map { part -> [String: Any] in
                ["partName": part.name, "partScore": "\(part.score)", "partWeight": "\(part.weight)",
                 "partEvidence": part.evidence.joined(separator: "; ")]
            },
            "matched": view.match.matchedSkills.map { skill -> [String: Any] in
                ["skillName": skill.name, "isVerified": skill.isVerified, "isRequired": skill.isRequired]
            },
            "hasMatched": !view.match.matchedSkills.isEmpty,
            "missing": view.match.missingSkills.map { skill -> [String: Any] in ["skillName": skill.name, "isRequired": skill.isRequired] },
            "hasMissing": !view.match.missingSkills.isEmpty,
        ]
    }

    /// Notifications link here; the requests are on the matches page.
    @Sendable func contactRequests(_ request: Request, context: APIRequestContext) async throws -> Response {
        PageRenderer.redirect(to: "/matches#contact-requests")
    }

    private func answer(_ request: Request, _ context: APIRequestContext, accept: Bool) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/matches").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try SkillsText.parameter("id", context)
        do {
            _ = try await api.pipeline.answer(actor: user.actor, requestID: id, accept: accept)
        } catch DomainError.notFound {
            return await web.notFound("contact request", back: ("/matches", "Your matches"), request, context)
        } catch DomainError.conflict(let message) {
            return try await renderMatches(user: user, notice: message, request, context, status: .conflict)
        }
        return PageRenderer.redirect(to: "/matches?notice=\(accept ? "contact-accepted" : "contact-declined")#contact-requests")
    }

    // MARK: Notifications

    @Sendable func notifications(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let (items, unread) = try await api.notifications.inbox(actor: user.actor, limit: 100)
        let preference = try await api.notifications.mailPreference(actor: user.actor)
        let rows = items.map { item -> [String: Any] in
            ["title": item.title, "body": item.body, "link": SkillsText.localLink(item.link), "isUnread": item.readAt == nil,
             "created": SkillsText.time(item.createdAt)]
        }
        let options: [(NotificationMail, String)] = [
            (.immediate, "By mail at once, one mail each"), (.daily, "By mail once a day, in a digest"), (.off, "Not by mail: only here"),
        ]
        let model: [String: Any] = [
            "items": rows, "hasItems": !rows.isEmpty, "unread": "\(unread)", "hasUnread": unread > 0,
            "mailOptions": options.map { ["optionValue": $0.0.rawValue, "optionLabel": $0.1, "optionID": "mail-\($0.0.rawValue)",
                                          "selected": $0.0 == preference] as [String: Any] },
        ]
        return await web.skillsPage("notifications", model, title: unread > 0 ? "Notifications (\(unread) new)" : "Notifications", request, context)
    }

    @Sendable func markRead(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/notifications").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        _ = try await api.notifications.markRead(actor: user.actor, ids: nil)
        return PageRenderer.redirect(to: "/notifications?notice=notifications-read")
    }

    @Sendable func saveMail(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/notifications").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        guard let preference = form["mail"].flatMap(NotificationMail.init(rawValue:)) else {
            throw DomainError.badRequest("Choose how to get notifications by mail.",
                                         fieldErrors: [FieldError(field: "mail", message: "must be immediate, daily or off")])
        }
        try await api.notifications.setMailPreference(actor: user.actor, preference)
        return PageRenderer.redirect(to: "/notifications?notice=mail-saved")
    }
}

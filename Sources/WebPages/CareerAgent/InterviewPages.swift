import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/interviews`: upcoming and past interviews with an `.ics` each, and the private calendar feed:
/// made (its address shown once), replaced, or turned off.
struct InterviewPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("interviews", use: show)
        group.post("interviews/feed", use: createFeed)
        group.post("interviews/feed/delete", use: removeFeed)
    }

    private var calendar: InterviewCalendar { web.dependencies.careerAgent.calendar }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await render(user: user, feed: nil, request, context)
    }

    private func render(user: Authenticated, feed: (url: String, webcal: String)?, _ request: Request, _ context: APIRequestContext) async throws -> Response {
        let all = try await calendar.interviews(actor: user.actor)
        let now = Date()
        let upcoming = all.filter { $0.end >= now && $0.status == .scheduled }
        let past = all.filter { $0.end < now || $0.status == .cancelled }.reversed()
        let feedSince = try await calendar.feedCreatedAt(actor: user.actor)
        let model: [String: Any] = [
            "csrf": context.csrfToken ?? "", "upcoming": upcoming.map(Self.row), "hasUpcoming": !upcoming.isEmpty,
            "past": past.map(Self.row), "hasPast": !past.isEmpty,
            "feedActive": feedSince != nil, "feedSince": feedSince.map(PostingText.date) ?? "",
            "newFeed": feed != nil, "feedURL": feed?.url ?? "", "webcalURL": feed?.webcal ?? "",
        ]
        return await web.page("interviews", model, title: "Interviews", request, context)
    }

    @Sendable func createFeed(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/interviews").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let token = try await calendar.createFeed(actor: user.actor)
        return try await render(user: user, feed: calendar.feedAddresses(token: token), request, context)
    }

    @Sendable func removeFeed(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/interviews").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        try? await calendar.removeFeed(actor: user.actor)
        return PageRenderer.redirect(to: "/interviews?notice=feed-revoked")
    }

    static func row(_ interview: ScheduledInterview) -> [String: Any] {
        [
            "when": interview.startText.replacingOccurrences(of: "T", with: " ") + (interview.timeZone.map { " (\($0))" } ?? ""),
            "duration": interview.durationMinutes, "company": interview.company, "title": interview.title,
            "place": interview.locationOrLink ?? interview.locationType?.rawValue ?? "",
            "isLink": interview.locationOrLink?.hasPrefix("http") ?? false, "cancelled": interview.status == .cancelled,
            "icsURL": "/api/v1/interviews/\(interview.id).ics", "applicationURL": "/applications/\(interview.applicationID)",
        ]
    }
}

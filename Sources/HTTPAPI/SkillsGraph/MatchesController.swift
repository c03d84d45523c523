import Domain
import Foundation
import Hummingbird
import JobPostings
import SkillsGraph

/// The candidate's side of matching (`/api/v1/matches`, `/api/v1/contact-requests`), the inbox
/// (`/api/v1/notifications`) and the leaderboards (`/api/v1/leaderboards/{skill_id}`).
struct MatchesController {
    typealias Context = APIRequestContext
    let api: SkillsGraphAPI

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("matches", use: matches)
        group.post("matches/run", use: run)
        group.get("contact-requests", use: contactRequests)
        group.post("contact-requests/{id}/accept", use: accept)
        group.post("contact-requests/{id}/decline", use: decline)
        group.get("notifications", use: notifications)
        group.post("notifications/read", use: markRead)
        group.get("notification-settings", use: notificationSettings)
        group.put("notification-settings", use: saveNotificationSettings)
        group.get("leaderboards/{skill_id}", use: leaderboard)
        group.get("leaderboard-settings", use: leaderboardSettings)
        group.put("leaderboard-settings", use: saveLeaderboardSettings)
    }

    @Sendable func matches(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let limit = try QueryLimit.read(request, default: 50, maximum: 200)
        let found = try await api.pipeline.matches(actor: caller.actor, limit: limit)
        return try JSONResponse.make(JSONValue.object(["matches": .array(found.map(SkillsGraphRepresentation.candidateMatch))]))
    }

    /// Runs matching now (admins): what the daily run and `job.posted` do on their own.
    @Sendable func run(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let full = try QueryParameters(rawQuery: request.uri.query)["full"] == "true"
        let report = try await api.matching.run(full: full)
        return try JSONResponse.make(JSONValue.object([
            "changed_postings": .number(Double(report.changedPostings)), "recomputed": .number(Double(report.recomputed)),
            "merged": .number(Double(report.merged)), "notified": .number(Double(report.notified)), "seconds": .number(report.seconds),
        ]))
    }

    @Sendable func contactRequests(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let found = try await api.pipeline.contactRequests(actor: caller.actor)
        return try JSONResponse.make(JSONValue.object(["contact_requests": .array(found.map {
            SkillsGraphRepresentation.contactRequest($0.request, job: $0.job, company: $0.company)
        })]))
    }

    @Sendable func accept(_ request: Request, context: Context) async throws -> Response { try await answer(context, accept: true) }

    @Sendable func decline(_ request: Request, context: Context) async throws -> Response { try await answer(context, accept: false) }

    private func answer(_ context: Context, accept: Bool) async throws -> Response {
        let caller = try context.requireUser()
        let answered = try await api.pipeline.answer(actor: caller.actor, requestID: try context.parameters.require("id"), accept: accept)
        return try JSONResponse.make(SkillsGraphRepresentation.contactRequest(answered, job: nil, company: nil))
    }

    @Sendable func notifications(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let limit = try QueryLimit.read(request, default: 50, maximum: 200)
        let unreadOnly = try QueryParameters(rawQuery: request.uri.query)["unread"] == "true"
        let (items, unread) = try await api.notifications.inbox(actor: caller.actor, unreadOnly: unreadOnly, limit: limit)
        return try JSONResponse.make(JSONValue.object(["notifications": .array(items.map(SkillsGraphRepresentation.notification)),
                                                       "unread": .number(Double(unread))]))
    }

    /// Marks the listed notifications read (`{"ids": [...]}`), or all of them without `ids`.
    @Sendable func markRead(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request, allowingEmpty: true)
        var ids: [String]?
        switch fields.fields["ids"] {
        case nil, .null?: ids = nil
        case .array(let items)?:
            ids = items.compactMap(\.stringValue)
            if ids!.count != items.count || items.count > 500 { fields.fail("ids", "must be at most 500 notification ids") }
        default: fields.fail("ids", "must be a list of notification ids")
        }
        fields.rejectUnknown(allowing: ["ids"])
        try fields.check()
        let changed = try await api.notifications.markRead(actor: caller.actor, ids: ids)
        return try JSONResponse.make(JSONValue.object(["marked": .number(Double(changed))]))
    }

    @Sendable func notificationSettings(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(JSONValue.object(["mail": .string(try await api.notifications.mailPreference(actor: caller.actor).rawValue)]))
    }

    @Sendable func saveNotificationSettings(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let text = fields.string("mail", maximumLength: 20)
        let mail = text.flatMap(NotificationMail.init(rawValue:))
        if text != nil, mail == nil { fields.fail("mail", "must be immediate, daily or off") }
        fields.rejectUnknown(allowing: ["mail"])
        try fields.check()
        try await api.notifications.setMailPreference(actor: caller.actor, mail ?? .immediate)
        return try JSONResponse.make(JSONValue.object(["mail": .string((mail ?? .immediate).rawValue)]))
    }

    @Sendable func leaderboard(_ request: Request, context: Context) async throws -> Response {
        let limit = try QueryLimit.read(request, default: 100, maximum: 500)
        let (name, entries) = try await api.leaderboards.leaderboard(skillID: try context.parameters.require("skill_id"), limit: limit)
        return try JSONResponse.make(JSONValue.object([
            "skill_id": .string(try context.parameters.require("skill_id")), "skill_name": .string(name),
            "entries": .array(entries.map { entry in
                .object(["rank": .number(Double(entry.rank)), "display_name": .string(entry.displayName), "level": .number(Double(entry.level)),
                         "level_name": SkillsGraphRepresentation.string(AssessmentQuestion.levelNames[entry.level]),
                         "score": .number(Double(entry.score)), "verified_at": SkillsGraphRepresentation.time(entry.verifiedAt),
                         "expires_at": SkillsGraphRepresentation.time(entry.expiresAt)])
            }),
        ]))
    }

    @Sendable func leaderboardSettings(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let settings = try await api.leaderboards.settings(actor: caller.actor)
        return try JSONResponse.make(JSONValue.object(["opted_in": .bool(settings.optedIn), "display_name": .string(settings.displayName)]))
    }

    @Sendable func saveLeaderboardSettings(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let optedIn = fields.bool("opted_in")
        if fields.fields["opted_in"] == nil { fields.fail("opted_in", "is required") }
        let name = fields.string("display_name", required: false, maximumLength: 40) ?? ""
        fields.rejectUnknown(allowing: ["opted_in", "display_name"])
        try fields.check()
        let settings = try await api.leaderboards.save(actor: caller.actor, optedIn: optedIn ?? false, displayName: name)
        return try JSONResponse.make(JSONValue.object(["opted_in": .bool(settings.optedIn), "display_name": .string(settings.displayName)]))
    }
}

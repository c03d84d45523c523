import CareerAgent
import Domain
import Foundation
import Hummingbird

/// `/api/v1/interviews`: the user's interviews, one `.ics` each, and the private subscription feed
/// (`/api/v1/calendar/feed` to make, show or revoke it; `/calendar/{token}.ics` for calendar programs).
struct InterviewsController {
    typealias Context = APIRequestContext
    let calendar: InterviewCalendar
    /// Skill assessment sessions share `/api/v1/interviews/{id}`: an id the calendar does not know is
    /// looked up there.
    var sessions: (@Sendable (String, Context) async throws -> Response)? = nil

    func addRoutes(to group: RouterGroup<Context>, feeds router: Router<Context>) {
        group.get("interviews", use: list)
        group.get("interviews/{id}", use: show)
        group.get("calendar/feed", use: feedStatus)
        group.post("calendar/feed", use: createFeed)
        group.delete("calendar/feed", use: removeFeed)
        router.get("calendar/{file}", use: feed)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let interviews = try await calendar.interviews(actor: caller.actor)
        return try JSONResponse.make(JSONValue.object(["interviews": .array(interviews.map(Self.body))]))
    }

    /// `{id}` as JSON, `{id}.ics` as an iCalendar file.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let file = try context.parameters.require("id")
        if file.hasSuffix(".ics") {
            let interview = try await calendar.interview(actor: caller.actor, id: String(file.dropLast(4)))
            return Self.calendarResponse(calendar.document(for: interview), fileName: "interview-\(interview.id).ics")
        }
        do {
            return try JSONResponse.make(Self.body(try await calendar.interview(actor: caller.actor, id: file)))
        } catch DomainError.notFound(let message) {
            guard let sessions else { throw DomainError.notFound(message) }
            return try await sessions(file, context)
        }
    }

    @Sendable func feedStatus(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let created = try await calendar.feedCreatedAt(actor: caller.actor)
        return try JSONResponse.make(JSONValue.object(["active": .bool(created != nil),
                                                        "created_at": created.map { .string(Timestamps.format($0)) } ?? .null]))
    }

    /// A new secret address (the previous one stops working); shown only in this response.
    @Sendable func createFeed(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let token = try await calendar.createFeed(actor: caller.actor)
        let (url, webcal) = calendar.feedAddresses(token: token)
        return try JSONResponse.make(JSONValue.object(["url": .string(url), "webcal_url": .string(webcal)]), status: .created)
    }

    @Sendable func removeFeed(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await calendar.removeFeed(actor: caller.actor)
        return Response(status: .noContent)
    }

    /// The feed itself: no sign-in (calendar programs have none), the token is the key.
    @Sendable func feed(_ request: Request, context: Context) async throws -> Response {
        let file = try context.parameters.require("file")
        guard file.hasSuffix(".ics") else { throw DomainError.notFound("No calendar feed has this address.") }
        return Self.calendarResponse(try await calendar.feed(token: String(file.dropLast(4))), fileName: "wayfinder-interviews.ics")
    }

    static func calendarResponse(_ document: String, fileName: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "inline; filename=\"\(fileName)\"",
                                        .cacheControl: "private, max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    static func body(_ interview: ScheduledInterview) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            "id": .string(interview.id), "application_id": .string(interview.applicationID), "email_id": optional(interview.emailID),
            "company": .string(interview.company), "title": .string(interview.title), "start": .string(interview.startText),
            "start_utc": .string(Timestamps.format(interview.start)), "end_utc": .string(Timestamps.format(interview.end)),
            "time_zone": optional(interview.timeZone), "duration_minutes": .number(Double(interview.durationMinutes)),
            "location_or_link": optional(interview.locationOrLink), "location_type": optional(interview.locationType?.rawValue),
            "status": .string(interview.status.rawValue), "sequence": .number(Double(interview.sequence)),
            "ics_url": .string("/api/v1/interviews/\(interview.id).ics"),
        ])
    }
}

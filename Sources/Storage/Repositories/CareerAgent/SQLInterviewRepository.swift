import CareerAgent
import Foundation
import SQLKit

/// Interviews in the calendar and the calendar feed's token digest over SQLKit.
public struct SQLInterviewRepository: InterviewRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func save(_ interview: ScheduledInterview) async throws {
        try await store.transaction { database in
            try await database.raw("DELETE FROM interviews WHERE id = \(bind: interview.id) AND user_id = \(bind: interview.userID)").run()
            try await database.raw("""
                INSERT INTO interviews (id, user_id, application_id, email_id, company, title, starts_at, start_text, time_zone, duration_minutes,
                                        location_or_link, location_type, status, calendar_uid, sequence, created_at, updated_at)
                VALUES (\(bind: interview.id), \(bind: interview.userID), \(bind: interview.applicationID), \(bind: interview.emailID),
                        \(bind: interview.company), \(bind: interview.title), \(bind: Milliseconds.from(interview.start)), \(bind: interview.startText),
                        \(bind: interview.timeZone), \(bind: interview.durationMinutes), \(bind: interview.locationOrLink),
                        \(bind: interview.locationType?.rawValue), \(bind: interview.status.rawValue), \(bind: interview.calendarUID),
                        \(bind: interview.sequence), \(bind: Milliseconds.from(interview.createdAt)), \(bind: Milliseconds.from(interview.updatedAt)))
                """).run()
        }
    }

    public func interview(id: String, owner: String) async throws -> ScheduledInterview? {
        try await store.read { database in
            try await database.raw("SELECT * FROM interviews WHERE id = \(bind: id) AND user_id = \(bind: owner)").first().map(Self.interview)
        }
    }

    public func interviews(owner: String) async throws -> [ScheduledInterview] {
        try await store.read { database in
            try await database.raw("SELECT * FROM interviews WHERE user_id = \(bind: owner) ORDER BY starts_at, id").all().map(Self.interview)
        }
    }

    public func interview(calendarUID: String, owner: String) async throws -> ScheduledInterview? {
        try await store.read { database in
            try await database.raw("SELECT * FROM interviews WHERE calendar_uid = \(bind: calendarUID) AND user_id = \(bind: owner)")
                .first().map(Self.interview)
        }
    }

    public func setFeedToken(digest: String, owner: String, createdAt: Date) async throws {
        try await store.transaction { database in
            try await database.raw("DELETE FROM calendar_feeds WHERE user_id = \(bind: owner)").run()
            try await database.raw("""
                INSERT INTO calendar_feeds (user_id, token_digest, created_at) VALUES (\(bind: owner), \(bind: digest), \(bind: Milliseconds.from(createdAt)))
                """).run()
        }
    }

    public func removeFeedToken(owner: String) async throws -> Bool {
        try await store.write { database in
            try await database.raw("DELETE FROM calendar_feeds WHERE user_id = \(bind: owner) RETURNING user_id").first() != nil
        }
    }

    public func feedOwner(digest: String) async throws -> String? {
        try await store.read { database in
            try await database.raw("SELECT user_id FROM calendar_feeds WHERE token_digest = \(bind: digest)").first()?
                .decode(column: "user_id", as: String.self)
        }
    }

    public func feedCreatedAt(owner: String) async throws -> Date? {
        try await store.read { database in
            try await database.raw("SELECT created_at FROM calendar_feeds WHERE user_id = \(bind: owner)").first()
                .map { Milliseconds.date(try $0.decode(column: "created_at", as: Int64.self)) }
        }
    }

    private static func interview(_ row: any SQLRow) throws -> ScheduledInterview {
        ScheduledInterview(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            applicationID: try row.decode(column: "application_id", as: String.self), emailID: try row.decode(column: "email_id", as: String?.self),
            company: try row.decode(column: "company", as: String.self), title: try row.decode(column: "title", as: String.self),
            start: Milliseconds.date(try row.decode(column: "starts_at", as: Int64.self)), startText: try row.decode(column: "start_text", as: String.self),
            timeZone: try row.decode(column: "time_zone", as: String?.self),
            durationMinutes: Int(try row.decode(column: "duration_minutes", as: Int64.self)),
            locationOrLink: try row.decode(column: "location_or_link", as: String?.self),
            locationType: try row.decode(column: "location_type", as: String?.self).flatMap(InterviewLocationType.init(rawValue:)),
            status: ScheduledInterview.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .scheduled,
            calendarUID: try row.decode(column: "calendar_uid", as: String.self), sequence: Int(try row.decode(column: "sequence", as: Int64.self)),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}

import CareerAgent
import Foundation
import SQLKit

/// Applications and their timelines over SQLKit; contacts are one JSON array.
public struct SQLApplicationRepository: ApplicationRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ application: JobApplication, event: ApplicationEvent) async throws {
        let contacts = String(decoding: try JSONEncoder().encode(application.contacts), as: UTF8.self)
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO applications (id, user_id, job_id, company, title, url, status, notes, contacts, next_action, next_action_at,
                                          created_at, updated_at)
                VALUES (\(bind: application.id), \(bind: application.userID), \(bind: application.jobID), \(bind: application.company),
                        \(bind: application.title), \(bind: application.url), \(bind: application.status.rawValue), \(bind: application.notes),
                        \(bind: contacts), \(bind: application.nextAction), \(bind: application.nextActionDate.map(Milliseconds.from)),
                        \(bind: Milliseconds.from(application.createdAt)), \(bind: Milliseconds.from(application.updatedAt)))
                """).run()
            try await Self.append(event, owner: application.userID, on: database)
        }
    }

    public func application(id: String, owner: String) async throws -> JobApplication? {
        try await store.read { database in
            try await database.raw("SELECT * FROM applications WHERE id = \(bind: id) AND user_id = \(bind: owner)").first().map(Self.application)
        }
    }

    public func applications(owner: String, status: ApplicationStatus?) async throws -> [JobApplication] {
        try await store.read { database in
            if let status {
                return try await database.raw("""
                    SELECT * FROM applications WHERE user_id = \(bind: owner) AND status = \(bind: status.rawValue) ORDER BY created_at DESC, id
                    """).all().map(Self.application)
            }
            return try await database.raw("SELECT * FROM applications WHERE user_id = \(bind: owner) ORDER BY created_at DESC, id")
                .all().map(Self.application)
        }
    }

    public func update(_ application: JobApplication, event: ApplicationEvent?) async throws -> Bool {
        let contacts = String(decoding: try JSONEncoder().encode(application.contacts), as: UTF8.self)
        return try await store.transaction { database in
            guard try await database.raw("""
                UPDATE applications SET company = \(bind: application.company), title = \(bind: application.title), url = \(bind: application.url),
                    status = \(bind: application.status.rawValue), notes = \(bind: application.notes), contacts = \(bind: contacts),
                    next_action = \(bind: application.nextAction), next_action_at = \(bind: application.nextActionDate.map(Milliseconds.from)),
                    updated_at = \(bind: Milliseconds.from(application.updatedAt))
                WHERE id = \(bind: application.id) AND user_id = \(bind: application.userID) RETURNING id
                """).first() != nil else { return false }
            if let event { try await Self.append(event, owner: application.userID, on: database) }
            return true
        }
    }

    public func delete(id: String, owner: String) async throws -> Bool {
        try await store.transaction { database in
            guard try await database.raw("DELETE FROM applications WHERE id = \(bind: id) AND user_id = \(bind: owner) RETURNING id").first() != nil
            else { return false }
            try await database.raw("DELETE FROM application_events WHERE application_id = \(bind: id) AND user_id = \(bind: owner)").run()
            return true
        }
    }

    public func events(applicationID: String, owner: String) async throws -> [ApplicationEvent] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM application_events WHERE application_id = \(bind: applicationID) AND user_id = \(bind: owner) ORDER BY id
                """).all().map(Self.event)
        }
    }

    public func events(owner: String) async throws -> [ApplicationEvent] {
        try await store.read { database in
            try await database.raw("SELECT * FROM application_events WHERE user_id = \(bind: owner) ORDER BY id").all().map(Self.event)
        }
    }

    public func dueReminders(at now: Date, limit: Int) async throws -> [JobApplication] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM applications
                WHERE next_action_at IS NOT NULL AND next_action_at <= \(bind: Milliseconds.from(now))
                  AND (reminded_for IS NULL OR reminded_for <> next_action_at)
                  AND status NOT IN ('accepted', 'rejected', 'withdrawn')
                ORDER BY next_action_at, id LIMIT \(bind: limit)
                """).all().map(Self.application)
        }
    }

    public func markReminded(id: String, for date: Date) async throws {
        try await store.write { database in
            try await database.raw("UPDATE applications SET reminded_for = \(bind: Milliseconds.from(date)) WHERE id = \(bind: id)").run()
        }
    }

    private static func append(_ event: ApplicationEvent, owner: String, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO application_events (application_id, user_id, occurred_at, from_status, to_status, source)
            VALUES (\(bind: event.applicationID), \(bind: owner), \(bind: Milliseconds.from(event.at)), \(bind: event.from?.rawValue),
                    \(bind: event.to.rawValue), \(bind: event.source.rawValue))
            """).run()
    }

    private static func application(_ row: any SQLRow) throws -> JobApplication {
        JobApplication(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            jobID: try row.decode(column: "job_id", as: String?.self), company: try row.decode(column: "company", as: String.self),
            title: try row.decode(column: "title", as: String.self), url: try row.decode(column: "url", as: String?.self),
            status: ApplicationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .saved,
            notes: try row.decode(column: "notes", as: String.self),
            contacts: try JSONDecoder().decode([ApplicationContact].self, from: Data(try row.decode(column: "contacts", as: String.self).utf8)),
            nextAction: try row.decode(column: "next_action", as: String?.self),
            nextActionDate: try row.decode(column: "next_action_at", as: Int64?.self).map(Milliseconds.date),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    private static func event(_ row: any SQLRow) throws -> ApplicationEvent {
        ApplicationEvent(
            applicationID: try row.decode(column: "application_id", as: String.self),
            at: Milliseconds.date(try row.decode(column: "occurred_at", as: Int64.self)),
            from: try row.decode(column: "from_status", as: String?.self).flatMap(ApplicationStatus.init(rawValue:)),
            to: ApplicationStatus(rawValue: try row.decode(column: "to_status", as: String.self)) ?? .saved,
            source: ApplicationEvent.Source(rawValue: try row.decode(column: "source", as: String.self)) ?? .user
        )
    }
}

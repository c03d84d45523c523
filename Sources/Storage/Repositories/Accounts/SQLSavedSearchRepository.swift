import Accounts
import Domain
import Foundation
import Platform
import SQLKit

/// Saved searches over SQLKit; `search.saved` goes to the outbox in the same transaction.
public struct SQLSavedSearchRepository: SavedSearchRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func create(_ search: SavedSearch, event: DomainEvent) async throws {
        try await withConflicts(search) {
            try await store.transaction { database in
                try await Self.checkUnique(search, on: database)
                try await database.raw("""
                    INSERT INTO saved_searches (id, user_id, name, name_key, query, matching_key, alert_enabled, alert_frequency,
                                                alert_watermark, last_alerted_at, created_at, updated_at)
                    VALUES (\(bind: search.id), \(bind: search.userID), \(bind: search.name), \(bind: search.name.lowercased()),
                            \(bind: search.query), \(bind: search.matchingKey), \(bind: search.alertEnabled ? 1 : 0),
                            \(bind: search.alertFrequency.rawValue), \(bind: search.alertWatermark),
                            \(bind: search.lastAlertedAt.map(Milliseconds.from)), \(bind: Milliseconds.from(search.createdAt)),
                            \(bind: Milliseconds.from(search.updatedAt)))
                    """).run()
                try await SQLEventOutbox.append([event], on: database)
            }
        }
    }

    public func update(_ search: SavedSearch) async throws {
        try await withConflicts(search) {
            try await store.transaction { database in
                try await Self.checkUnique(search, on: database)
                try await database.raw("""
                    UPDATE saved_searches SET name = \(bind: search.name), name_key = \(bind: search.name.lowercased()),
                        query = \(bind: search.query), matching_key = \(bind: search.matchingKey),
                        alert_enabled = \(bind: search.alertEnabled ? 1 : 0), alert_frequency = \(bind: search.alertFrequency.rawValue),
                        updated_at = \(bind: Milliseconds.from(search.updatedAt))
                    WHERE id = \(bind: search.id) AND user_id = \(bind: search.userID)
                    """).run()
            }
        }
    }

    /// Names which of the two rules a search breaks, which the unique constraints alone cannot say.
    private static func checkUnique(_ search: SavedSearch, on database: any SQLDatabase) async throws {
        let clash = try await database.raw("""
            SELECT name_key, matching_key FROM saved_searches
            WHERE user_id = \(bind: search.userID) AND id <> \(bind: search.id)
              AND (name_key = \(bind: search.name.lowercased()) OR matching_key = \(bind: search.matchingKey))
            """).first()
        guard let clash else { return }
        if try clash.decode(column: "name_key", as: String.self) == search.name.lowercased() {
            throw DomainError.conflict("You already have a saved search named \"\(search.name)\".")
        }
        throw DomainError.conflict("You already have a saved search with the same query.")
    }

    private func withConflicts(_ search: SavedSearch, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch where UniqueViolation.matches(error) {
            throw DomainError.conflict("You already have a saved search with this name or query.")
        }
    }

    public func searches(userID: String) async throws -> [SavedSearch] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM saved_searches WHERE user_id = \(bind: userID) ORDER BY created_at, id
                """).all().map { try SavedSearch(row: $0) }
        }
    }

    public func search(id: String, userID: String) async throws -> SavedSearch? {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM saved_searches WHERE id = \(bind: id) AND user_id = \(bind: userID)
                """).first().map { try SavedSearch(row: $0) }
        }
    }

    public func delete(id: String, userID: String) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("""
                DELETE FROM saved_searches WHERE id = \(bind: id) AND user_id = \(bind: userID) RETURNING id
                """).first() != nil
        }
    }

    public func dueForAlert(frequency: AlertFrequency, now: Date) async throws -> [SavedSearch] {
        let cutoff = Milliseconds.from(now.addingTimeInterval(-frequency.interval))
        return try await store.read { database in
            try await database.raw("""
                SELECT * FROM saved_searches
                WHERE alert_frequency = \(bind: frequency.rawValue) AND alert_enabled = 1
                  AND (last_alerted_at IS NULL OR last_alerted_at <= \(bind: cutoff))
                ORDER BY user_id, created_at, id
                """).all().map { try SavedSearch(row: $0) }
        }
    }

    public func markAlerted(ids: [String], watermark: Int64, at time: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.transaction { database in
            for chunk in ids.chunked(by: 500) {
                try await database.update("saved_searches")
                    .set("last_alerted_at", to: Milliseconds.from(time))
                    // A watermark only moves forward, even if a slower run finishes after a newer one.
                    .set(SQLIdentifier("alert_watermark"),
                         to: "CASE WHEN alert_watermark < \(bind: watermark) THEN \(bind: watermark) ELSE alert_watermark END" as SQLQueryString)
                    .where("id", .in, Array(chunk))
                    .run()
            }
        }
    }

    public func disableAlert(id: String) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("UPDATE saved_searches SET alert_enabled = 0 WHERE id = \(bind: id) RETURNING id").first() != nil
        }
    }
}

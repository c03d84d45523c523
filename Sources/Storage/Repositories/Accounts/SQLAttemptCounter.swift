import Accounts
import Foundation
import SQLKit

/// Fixed-window attempt counts in the database, so every process sees the same count.
public struct SQLAttemptCounter: AttemptCounter {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func record(key: String, window: TimeInterval, now: Date) async throws -> (count: Int, windowEnds: Date) {
        let now = Milliseconds.from(now)
        let ends = now + Int64(window * 1_000)
        return try await store.transaction { database in
            // One statement, so concurrent attempts on several processes each count exactly once.
            let row = try await database.raw("""
                INSERT INTO attempt_counters (key, window_ends_at, count) VALUES (\(bind: key), \(bind: ends), 1)
                ON CONFLICT (key) DO UPDATE SET
                    count = CASE WHEN attempt_counters.window_ends_at > \(bind: now) THEN attempt_counters.count + 1 ELSE 1 END,
                    window_ends_at = CASE WHEN attempt_counters.window_ends_at > \(bind: now) THEN attempt_counters.window_ends_at ELSE \(bind: ends) END
                RETURNING count, window_ends_at
                """).first()
            // Expired counters of other keys go on the way, so the table stays as small as the live windows.
            try await database.raw("DELETE FROM attempt_counters WHERE window_ends_at < \(bind: now - 86_400_000)").run()
            return (try row?.decode(column: "count", as: Int.self) ?? 1,
                    Milliseconds.date(try row?.decode(column: "window_ends_at", as: Int64.self) ?? ends))
        }
    }

    public func count(key: String, now: Date) async throws -> (count: Int, windowEnds: Date) {
        let now = Milliseconds.from(now)
        return try await store.read { database in
            guard let row = try await database.raw("""
                SELECT window_ends_at, count FROM attempt_counters WHERE key = \(bind: key)
                """).first(), try row.decode(column: "window_ends_at", as: Int64.self) > now
            else { return (0, Milliseconds.date(now)) }
            return (try row.decode(column: "count", as: Int.self), Milliseconds.date(try row.decode(column: "window_ends_at", as: Int64.self)))
        }
    }

    public func reset(key: String) async throws {
        try await store.transaction { database in
            try await database.raw("DELETE FROM attempt_counters WHERE key = \(bind: key)").run()
        }
    }
}

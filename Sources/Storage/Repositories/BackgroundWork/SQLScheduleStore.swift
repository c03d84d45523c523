import Foundation
import Platform
import SQLKit

/// Schedules in the `schedules` table; firing is a compare-and-set on `next_run_at`.
public struct SQLScheduleStore: ScheduleStore {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func save(_ schedule: Schedule) async throws {
        try await store.transaction { database in try await Self.save(schedule, on: database) }
    }

    /// Saves inside a transaction the caller holds (a source and its schedule are added together).
    static func save(_ schedule: Schedule, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO schedules (name, cron, task_name, payload, enabled, next_run_at, last_run_at)
            VALUES (\(bind: schedule.name), \(bind: schedule.cron), \(bind: schedule.taskName),
                    \(bind: String(decoding: schedule.payload, as: UTF8.self)), \(bind: schedule.enabled ? 1 : 0),
                    \(bind: Milliseconds.from(schedule.nextRunAt)), \(bind: schedule.lastRunAt.map(Milliseconds.from)))
            ON CONFLICT (name) DO UPDATE SET cron = excluded.cron, task_name = excluded.task_name, payload = excluded.payload,
                enabled = excluded.enabled, next_run_at = excluded.next_run_at, last_run_at = excluded.last_run_at
            """).run()
    }

    public func remove(name: String) async throws {
        try await store.transaction { database in
            try await database.raw("DELETE FROM schedules WHERE name = \(bind: name)").run()
        }
    }

    public func schedule(name: String) async throws -> Schedule? {
        try await store.read { database in
            try await database.raw("SELECT * FROM schedules WHERE name = \(bind: name)").first().map { try Schedule(row: $0) }
        }
    }

    public func schedules() async throws -> [Schedule] {
        try await store.read { database in
            try await database.raw("SELECT * FROM schedules ORDER BY name").all().map { try Schedule(row: $0) }
        }
    }

    public func due(at now: Date) async throws -> [Schedule] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM schedules WHERE enabled = 1 AND next_run_at <= \(bind: Milliseconds.from(now)) ORDER BY next_run_at, name
                """).all().map { try Schedule(row: $0) }
        }
    }

    public func fire(_ schedule: Schedule, next: Date, task: NewTask, now: Date) async throws -> Bool {
        try await store.transaction { database in
            // Only the process that still sees the tick it read moves it on; a concurrent one updates nothing.
            let moved = try await database.raw("""
                UPDATE schedules SET next_run_at = \(bind: Milliseconds.from(next)), last_run_at = \(bind: Milliseconds.from(schedule.nextRunAt))
                WHERE name = \(bind: schedule.name) AND next_run_at = \(bind: Milliseconds.from(schedule.nextRunAt)) RETURNING name
                """).first()
            guard moved != nil else { return false }
            _ = try await SQLTaskQueue.enqueue(task, now: now, on: database)
            return true
        }
    }
}

extension Schedule {
    init(row: any SQLRow) throws {
        self.init(
            name: try row.decode(column: "name", as: String.self),
            cron: try row.decode(column: "cron", as: String.self),
            taskName: try row.decode(column: "task_name", as: String.self),
            payload: Data(try row.decode(column: "payload", as: String.self).utf8),
            enabled: try row.decode(column: "enabled", as: Int.self) != 0,
            nextRunAt: Milliseconds.date(try row.decode(column: "next_run_at", as: Int64.self)),
            lastRunAt: try row.decode(column: "last_run_at", as: Int64?.self).map(Milliseconds.date)
        )
    }
}

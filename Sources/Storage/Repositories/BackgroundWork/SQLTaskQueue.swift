import Domain
import Foundation
import Platform
import SQLKit

/// The task queue in the `tasks` and `dead_letters` tables, on every engine a `SQLStore` speaks.
///
/// Claims run in a short transaction that does not wait for the change feed's lock; on PostgreSQL the
/// picked rows are locked with `FOR UPDATE SKIP LOCKED`, so concurrent workers never pick the same task.
public struct SQLTaskQueue: TaskQueue {
    private let store: any SQLStore
    private let clock: any WallClock
    /// Receives a task gets before it moves to the dead letters.
    public let maximumReceives: Int

    public init(store: any SQLStore, clock: any WallClock = SystemWallClock(), maximumReceives: Int = 3) {
        self.store = store
        self.clock = clock
        self.maximumReceives = maximumReceives
    }

    public func enqueue(_ task: NewTask) async throws -> EnqueueResult {
        let now = clock.now()
        return try await store.transaction { database in try await Self.enqueue(task, now: now, on: database) }
    }

    /// Enqueues inside a transaction the caller already holds, so a task is added together with the
    /// change that calls for it (a schedule's tick, an outbox event) or not at all.
    static func enqueue(_ task: NewTask, now: Date, on database: any SQLDatabase) async throws -> EnqueueResult {
        if let key = task.idempotencyKey, let existing = try await existingTask(key: key, on: database) {
            return .duplicate(id: existing)
        }
        let nowMS = Milliseconds.from(now)
        let inserted = try await database.raw("""
            INSERT INTO tasks (name, payload, idempotency_key, state, receives, visible_at, enqueued_at, updated_at)
            VALUES (\(bind: task.name), \(bind: String(decoding: task.payload, as: UTF8.self)), \(bind: task.idempotencyKey),
                    'queued', 0, \(bind: Milliseconds.from(task.runAt ?? now)), \(bind: nowMS), \(bind: nowMS))
            ON CONFLICT (idempotency_key) DO NOTHING RETURNING id
            """).first(decodingColumn: "id", as: Int64.self)
        if let inserted { return .enqueued(id: inserted) }
        // Another process enqueued the same key between our check and our insert.
        guard let key = task.idempotencyKey, let existing = try await existingTask(key: key, on: database) else {
            throw TaskQueueError.vanished
        }
        return .duplicate(id: existing)
    }

    private static func existingTask(key: String, on database: any SQLDatabase) async throws -> Int64? {
        if let id = try await database.raw("SELECT id FROM tasks WHERE idempotency_key = \(bind: key)")
            .first(decodingColumn: "id", as: Int64.self) {
            return id
        }
        return try await database.raw("SELECT task_id FROM dead_letters WHERE idempotency_key = \(bind: key) ORDER BY id LIMIT 1")
            .first(decodingColumn: "task_id", as: Int64.self)
    }

    public func claim(limit: Int, visibilityTimeout: Duration, names: Set<String>?) async throws -> [ClaimedTask] {
        let now = clock.now(), maximumReceives = maximumReceives
        let lock = store.dialect.claimLock
        return try await store.transaction { database in
            let nowMS = Milliseconds.from(now)
            let nameFilter: SQLQueryString = names.map { "AND name IN (\(binds: $0.sorted()))" } ?? ""
            let due = try await database.raw("""
                SELECT id, name, payload, idempotency_key, receives, state, last_error, enqueued_at FROM tasks
                WHERE state IN ('queued', 'running') AND visible_at <= \(bind: nowMS) \(nameFilter)
                ORDER BY visible_at, id LIMIT \(bind: limit) \(unsafeRaw: lock)
                """).all()
            var claimed: [ClaimedTask] = []
            var deliver: [Int64] = []
            let lease = UUID().uuidString
            for row in due {
                let id = try row.decode(column: "id", as: Int64.self)
                let receives = try row.decode(column: "receives", as: Int.self)
                let state = try row.decode(column: "state", as: String.self)
                if state == TaskState.running.rawValue && receives >= maximumReceives {
                    // Its last receive ran out of time: the worker died or hung.
                    let lastError = try row.decodeNil(column: "last_error") ? nil : try row.decode(column: "last_error", as: String.self)
                    try await Self.bury(id: id, error: "visibility timeout expired on receive \(receives)" + (lastError.map { "; before that: \($0)" } ?? ""),
                                        now: now, on: database)
                    continue
                }
                deliver.append(id)
                claimed.append(ClaimedTask(
                    id: id, name: try row.decode(column: "name", as: String.self),
                    payload: Data(try row.decode(column: "payload", as: String.self).utf8),
                    receives: receives + 1, lease: lease,
                    enqueuedAt: Milliseconds.date(try row.decode(column: "enqueued_at", as: Int64.self))
                ))
            }
            guard !deliver.isEmpty else { return [] }
            try await database.raw("""
                UPDATE tasks SET state = 'running', receives = receives + 1, lease = \(bind: lease),
                    visible_at = \(bind: nowMS + Milliseconds.from(visibilityTimeout)), updated_at = \(bind: nowMS)
                WHERE id IN (\(binds: deliver))
                """).run()
            return claimed
        }
    }

    public func complete(_ task: ClaimedTask) async throws -> Bool {
        let nowMS = Milliseconds.from(clock.now())
        return try await store.transaction { database in
            try await database.raw("""
                UPDATE tasks SET state = 'done', lease = NULL, last_error = NULL, visible_at = \(bind: nowMS), updated_at = \(bind: nowMS)
                WHERE id = \(bind: task.id) AND lease = \(bind: task.lease) AND state = 'running' RETURNING id
                """).first() != nil
        }
    }

    public func fail(_ task: ClaimedTask, error: String, retryAt: Date) async throws -> FailureOutcome {
        let now = clock.now(), maximumReceives = maximumReceives, lock = store.dialect.claimLock
        return try await store.transaction { database in
            guard let row = try await database.raw("""
                SELECT receives FROM tasks WHERE id = \(bind: task.id) AND lease = \(bind: task.lease) AND state = 'running'
                \(unsafeRaw: lock == "" ? "" : "FOR UPDATE")
                """).first() else { return .leaseLost }
            let receives = try row.decode(column: "receives", as: Int.self)
            if receives >= maximumReceives {
                try await Self.bury(id: task.id, error: error, now: now, on: database)
                return .deadLettered
            }
            let nowMS = Milliseconds.from(now)
            try await database.raw("""
                UPDATE tasks SET state = 'queued', lease = NULL, last_error = \(bind: error),
                    visible_at = \(bind: Milliseconds.from(retryAt)), updated_at = \(bind: nowMS)
                WHERE id = \(bind: task.id)
                """).run()
            return .willRetry(at: retryAt)
        }
    }

    /// Moves a task to the dead letters.
    private static func bury(id: Int64, error: String, now: Date, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO dead_letters (task_id, name, payload, idempotency_key, receives, last_error, enqueued_at, died_at)
            SELECT id, name, payload, idempotency_key, receives, \(bind: error), enqueued_at, \(bind: Milliseconds.from(now))
            FROM tasks WHERE id = \(bind: id)
            """).run()
        try await database.raw("DELETE FROM tasks WHERE id = \(bind: id)").run()
    }

    public func release(_ task: ClaimedTask) async throws {
        let nowMS = Milliseconds.from(clock.now())
        try await store.transaction { database in
            try await database.raw("""
                UPDATE tasks SET state = 'queued', lease = NULL, receives = receives - 1, visible_at = \(bind: nowMS),
                    updated_at = \(bind: nowMS)
                WHERE id = \(bind: task.id) AND lease = \(bind: task.lease) AND state = 'running'
                """).run()
        }
    }

    public func extend(_ task: ClaimedTask, by duration: Duration) async throws -> Bool {
        let nowMS = Milliseconds.from(clock.now())
        return try await store.transaction { database in
            try await database.raw("""
                UPDATE tasks SET visible_at = \(bind: nowMS + Milliseconds.from(duration)), updated_at = \(bind: nowMS)
                WHERE id = \(bind: task.id) AND lease = \(bind: task.lease) AND state = 'running' RETURNING id
                """).first() != nil
        }
    }

    public func tasks(limit: Int) async throws -> [TaskRecord] {
        try await store.read { database in
            try await database.raw("""
                SELECT id, name, payload, idempotency_key, state, receives, visible_at, last_error, enqueued_at, updated_at
                FROM tasks ORDER BY id DESC LIMIT \(bind: limit)
                """).all().map { try TaskRecord(row: $0) }
        }
    }

    public func deadLetters(limit: Int) async throws -> [DeadLetter] {
        try await store.read { database in
            try await database.raw("""
                SELECT id, task_id, name, payload, idempotency_key, receives, last_error, enqueued_at, died_at
                FROM dead_letters ORDER BY id DESC LIMIT \(bind: limit)
                """).all().map { try DeadLetter(row: $0) }
        }
    }

    public func replay(deadLetterID: Int64) async throws -> Int64? {
        let now = clock.now()
        return try await store.transaction { database in try await Self.replay(deadLetterID, now: now, on: database) }
    }

    public func replayAll() async throws -> Int {
        let now = clock.now()
        return try await store.transaction { database in
            let ids = try await database.raw("SELECT id FROM dead_letters ORDER BY id").all(decodingColumn: "id", as: Int64.self)
            for id in ids { _ = try await Self.replay(id, now: now, on: database) }
            return ids.count
        }
    }

    /// The dead letter becomes a queued task again, under its old id and idempotency key, with no receives.
    private static func replay(_ deadLetterID: Int64, now: Date, on database: any SQLDatabase) async throws -> Int64? {
        guard let row = try await database.raw("""
            SELECT task_id, name, payload, idempotency_key, enqueued_at FROM dead_letters WHERE id = \(bind: deadLetterID)
            """).first() else { return nil }
        let taskID = try row.decode(column: "task_id", as: Int64.self)
        let nowMS = Milliseconds.from(now)
        let key = try row.decodeNil(column: "idempotency_key") ? nil : try row.decode(column: "idempotency_key", as: String.self)
        try await database.raw("DELETE FROM dead_letters WHERE id = \(bind: deadLetterID)").run()
        try await database.raw("""
            INSERT INTO tasks (id, name, payload, idempotency_key, state, receives, visible_at, last_error, enqueued_at, updated_at)
            VALUES (\(bind: taskID), \(bind: try row.decode(column: "name", as: String.self)),
                    \(bind: try row.decode(column: "payload", as: String.self)), \(bind: key), 'queued', 0, \(bind: nowMS),
                    NULL, \(bind: try row.decode(column: "enqueued_at", as: Int64.self)), \(bind: nowMS))
            """).run()
        return taskID
    }

    public func statistics() async throws -> TaskStatistics {
        try await store.read { database in
            var statistics = TaskStatistics()
            for row in try await database.raw("SELECT state, COUNT(*) AS n FROM tasks GROUP BY state").all() {
                let count = try row.decode(column: "n", as: Int.self)
                switch TaskState(rawValue: try row.decode(column: "state", as: String.self)) {
                case .queued: statistics.queued = count
                case .running: statistics.running = count
                case .done: statistics.done = count
                case nil: break
                }
            }
            statistics.dead = try await database.raw("SELECT COUNT(*) AS n FROM dead_letters").first(decodingColumn: "n", as: Int.self) ?? 0
            return statistics
        }
    }

    public func outcome(of id: Int64) async throws -> TaskOutcome {
        try await store.read { database in
            if let row = try await database.raw("""
                SELECT id, name, payload, idempotency_key, state, receives, visible_at, last_error, enqueued_at, updated_at
                FROM tasks WHERE id = \(bind: id)
                """).first() {
                let record = try TaskRecord(row: row)
                return record.state == .done ? .done(record) : .pending(record)
            }
            if let row = try await database.raw("""
                SELECT id, task_id, name, payload, idempotency_key, receives, last_error, enqueued_at, died_at
                FROM dead_letters WHERE task_id = \(bind: id) ORDER BY id DESC LIMIT 1
                """).first() {
                return .dead(try DeadLetter(row: row))
            }
            return .unknown
        }
    }

    /// Forgets finished tasks older than `age`, and with them their idempotency keys.
    public func pruneFinished(olderThan age: Duration) async throws -> Int {
        let cutoff = Milliseconds.from(clock.now()) - Milliseconds.from(age)
        return try await store.transaction { database in
            try await database.raw("DELETE FROM tasks WHERE state = 'done' AND updated_at < \(bind: cutoff) RETURNING id").all().count
        }
    }
}

public enum TaskQueueError: Error, CustomStringConvertible {
    case vanished
    public var description: String { "a task with this idempotency key was enqueued and removed at the same moment; try again" }
}

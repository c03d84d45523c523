import SQLKit

/// The background-work machinery every feature shares: the task queue and its dead letters, cron
/// schedules, and the transactional outbox of domain events. Times are milliseconds since 1970.
struct CreateBackgroundWork: Migration {
    let version = 3
    let name = "create_background_work"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        let bigint = dialect.bigInteger, text = dialect.text, key = dialect.autoIncrementPrimaryKey
        try await database.raw("""
            CREATE TABLE tasks (
                id \(unsafeRaw: key),
                name \(unsafeRaw: text) NOT NULL,
                payload \(unsafeRaw: text) NOT NULL,
                idempotency_key \(unsafeRaw: text) UNIQUE,
                state \(unsafeRaw: text) NOT NULL,
                receives \(unsafeRaw: bigint) NOT NULL,
                visible_at \(unsafeRaw: bigint) NOT NULL,
                lease \(unsafeRaw: text),
                last_error \(unsafeRaw: text),
                enqueued_at \(unsafeRaw: bigint) NOT NULL,
                updated_at \(unsafeRaw: bigint) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX tasks_due ON tasks (state, visible_at)").run()
        try await database.raw("""
            CREATE TABLE dead_letters (
                id \(unsafeRaw: key),
                task_id \(unsafeRaw: bigint) NOT NULL,
                name \(unsafeRaw: text) NOT NULL,
                payload \(unsafeRaw: text) NOT NULL,
                idempotency_key \(unsafeRaw: text),
                receives \(unsafeRaw: bigint) NOT NULL,
                last_error \(unsafeRaw: text) NOT NULL,
                enqueued_at \(unsafeRaw: bigint) NOT NULL,
                died_at \(unsafeRaw: bigint) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX dead_letters_key ON dead_letters (idempotency_key)").run()
        try await database.raw("""
            CREATE TABLE schedules (
                name \(unsafeRaw: text) PRIMARY KEY,
                cron \(unsafeRaw: text) NOT NULL,
                task_name \(unsafeRaw: text) NOT NULL,
                payload \(unsafeRaw: text) NOT NULL,
                enabled \(unsafeRaw: bigint) NOT NULL,
                next_run_at \(unsafeRaw: bigint) NOT NULL,
                last_run_at \(unsafeRaw: bigint)
            )
            """).run()
        try await database.raw("""
            CREATE TABLE outbox_events (
                id \(unsafeRaw: key),
                topic \(unsafeRaw: text) NOT NULL,
                payload \(unsafeRaw: text) NOT NULL,
                occurred_at \(unsafeRaw: bigint) NOT NULL,
                dispatched_at \(unsafeRaw: bigint)
            )
            """).run()
        try await database.raw("CREATE INDEX outbox_events_pending ON outbox_events (dispatched_at, id)").run()
    }
}

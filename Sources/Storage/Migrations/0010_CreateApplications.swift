import SQLKit

/// The application tracker: applications and the timeline of their status changes.
struct CreateApplications: Migration {
    let version = 10
    let name = "create_applications"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("""
            CREATE TABLE applications (
                id \(unsafeRaw: dialect.text) PRIMARY KEY,
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                job_id \(unsafeRaw: dialect.text),
                company \(unsafeRaw: dialect.text) NOT NULL,
                title \(unsafeRaw: dialect.text) NOT NULL,
                url \(unsafeRaw: dialect.text),
                status \(unsafeRaw: dialect.text) NOT NULL,
                notes \(unsafeRaw: dialect.text) NOT NULL,
                contacts \(unsafeRaw: dialect.text) NOT NULL,
                next_action \(unsafeRaw: dialect.text),
                next_action_at \(unsafeRaw: dialect.bigInteger),
                created_at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                updated_at \(unsafeRaw: dialect.bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX applications_by_user ON applications (user_id, created_at)").run()
        try await database.raw("""
            CREATE TABLE application_events (
                id \(unsafeRaw: dialect.autoIncrementPrimaryKey),
                application_id \(unsafeRaw: dialect.text) NOT NULL,
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                occurred_at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                from_status \(unsafeRaw: dialect.text),
                to_status \(unsafeRaw: dialect.text) NOT NULL,
                source \(unsafeRaw: dialect.text) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX application_events_by_application ON application_events (application_id, id)").run()
        try await database.raw("CREATE INDEX application_events_by_user ON application_events (user_id)").run()
    }
}

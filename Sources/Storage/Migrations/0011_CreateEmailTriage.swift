import SQLKit

/// Email triage: messages read for a user with their proposals, connected mailboxes, interviews in the
/// calendar and its feed token; and which next-action date of an application was reminded of.
struct CreateEmailTriage: Migration {
    let version = 11
    let name = "create_email_triage"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("""
            CREATE TABLE emails (
                id \(unsafeRaw: dialect.text) PRIMARY KEY,
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                message_key \(unsafeRaw: dialect.text) NOT NULL,
                source \(unsafeRaw: dialect.text) NOT NULL,
                mailbox_id \(unsafeRaw: dialect.text),
                from_address \(unsafeRaw: dialect.text),
                from_name \(unsafeRaw: dialect.text),
                subject \(unsafeRaw: dialect.text) NOT NULL,
                sent_at \(unsafeRaw: dialect.bigInteger),
                received_at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                excerpt \(unsafeRaw: dialect.text) NOT NULL,
                analysis \(unsafeRaw: dialect.text) NOT NULL,
                proposal \(unsafeRaw: dialect.text),
                state \(unsafeRaw: dialect.text) NOT NULL,
                application_id \(unsafeRaw: dialect.text),
                decided_at \(unsafeRaw: dialect.bigInteger)
            )
            """).run()
        try await database.raw("CREATE UNIQUE INDEX emails_once_per_user ON emails (user_id, message_key)").run()
        try await database.raw("CREATE INDEX emails_by_user ON emails (user_id, received_at)").run()
        try await database.raw("""
            CREATE TABLE mailboxes (
                id \(unsafeRaw: dialect.text) PRIMARY KEY,
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                host \(unsafeRaw: dialect.text) NOT NULL,
                port \(unsafeRaw: dialect.bigInteger) NOT NULL,
                security \(unsafeRaw: dialect.text) NOT NULL,
                username \(unsafeRaw: dialect.text) NOT NULL,
                sealed_password \(unsafeRaw: dialect.text) NOT NULL,
                folder \(unsafeRaw: dialect.text) NOT NULL,
                uid_validity \(unsafeRaw: dialect.bigInteger),
                last_uid \(unsafeRaw: dialect.bigInteger),
                last_sync_at \(unsafeRaw: dialect.bigInteger),
                last_error \(unsafeRaw: dialect.text),
                messages_read \(unsafeRaw: dialect.bigInteger) NOT NULL,
                created_at \(unsafeRaw: dialect.bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX mailboxes_by_user ON mailboxes (user_id)").run()
        try await database.raw("""
            CREATE TABLE interviews (
                id \(unsafeRaw: dialect.text) PRIMARY KEY,
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                application_id \(unsafeRaw: dialect.text) NOT NULL,
                email_id \(unsafeRaw: dialect.text),
                company \(unsafeRaw: dialect.text) NOT NULL,
                title \(unsafeRaw: dialect.text) NOT NULL,
                starts_at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                start_text \(unsafeRaw: dialect.text) NOT NULL,
                time_zone \(unsafeRaw: dialect.text),
                duration_minutes \(unsafeRaw: dialect.bigInteger) NOT NULL,
                location_or_link \(unsafeRaw: dialect.text),
                location_type \(unsafeRaw: dialect.text),
                status \(unsafeRaw: dialect.text) NOT NULL,
                calendar_uid \(unsafeRaw: dialect.text) NOT NULL,
                sequence \(unsafeRaw: dialect.bigInteger) NOT NULL,
                created_at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                updated_at \(unsafeRaw: dialect.bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX interviews_by_user ON interviews (user_id, starts_at)").run()
        try await database.raw("CREATE UNIQUE INDEX interviews_by_uid ON interviews (user_id, calendar_uid)").run()
        try await database.raw("""
            CREATE TABLE calendar_feeds (
                user_id \(unsafeRaw: dialect.text) PRIMARY KEY,
                token_digest \(unsafeRaw: dialect.text) NOT NULL,
                created_at \(unsafeRaw: dialect.bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("CREATE UNIQUE INDEX calendar_feeds_by_digest ON calendar_feeds (token_digest)").run()
        try await database.raw("ALTER TABLE applications ADD COLUMN reminded_for \(unsafeRaw: dialect.bigInteger)").run()
        try await database.raw("CREATE INDEX applications_by_next_action ON applications (next_action_at)").run()
    }
}

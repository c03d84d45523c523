import SQLKit

/// The publisher: channels (credentials sealed), uploaded media, messages, one delivery per channel,
/// and certifications.
struct CreatePublishing: Migration {
    let version = 14
    let name = "create_publishing"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        let text = dialect.text, integer = dialect.bigInteger
        try await database.raw("""
            CREATE TABLE publishing_channels (
                id \(unsafeRaw: text) PRIMARY KEY,
                owner_id \(unsafeRaw: text) NOT NULL,
                kind \(unsafeRaw: text) NOT NULL,
                name \(unsafeRaw: text) NOT NULL,
                settings \(unsafeRaw: text) NOT NULL,
                sealed_secrets \(unsafeRaw: text),
                status \(unsafeRaw: text) NOT NULL,
                status_detail \(unsafeRaw: text),
                token_expires_at \(unsafeRaw: integer),
                created_at \(unsafeRaw: integer) NOT NULL,
                updated_at \(unsafeRaw: integer) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX publishing_channels_by_owner ON publishing_channels (owner_id, created_at)").run()
        try await database.raw("""
            CREATE TABLE publishing_media (
                id \(unsafeRaw: text) PRIMARY KEY,
                owner_id \(unsafeRaw: text) NOT NULL,
                filename \(unsafeRaw: text) NOT NULL,
                content_type \(unsafeRaw: text) NOT NULL,
                size \(unsafeRaw: integer) NOT NULL,
                blob_key \(unsafeRaw: text) NOT NULL,
                access_key \(unsafeRaw: text) NOT NULL,
                created_at \(unsafeRaw: integer) NOT NULL
            )
            """).run()
        try await database.raw("""
            CREATE TABLE publishing_messages (
                id \(unsafeRaw: text) PRIMARY KEY,
                owner_id \(unsafeRaw: text) NOT NULL,
                title \(unsafeRaw: text),
                body \(unsafeRaw: text) NOT NULL,
                link \(unsafeRaw: text),
                media_ids \(unsafeRaw: text) NOT NULL,
                scheduled_at \(unsafeRaw: integer),
                due_at \(unsafeRaw: integer) NOT NULL,
                source \(unsafeRaw: text),
                created_at \(unsafeRaw: integer) NOT NULL,
                updated_at \(unsafeRaw: integer) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX publishing_messages_by_owner ON publishing_messages (owner_id, due_at, id)").run()
        try await database.raw("""
            CREATE TABLE publishing_deliveries (
                id \(unsafeRaw: text) PRIMARY KEY,
                message_id \(unsafeRaw: text) NOT NULL,
                owner_id \(unsafeRaw: text) NOT NULL,
                channel_id \(unsafeRaw: text) NOT NULL,
                channel_kind \(unsafeRaw: text) NOT NULL,
                position \(unsafeRaw: integer) NOT NULL,
                text \(unsafeRaw: text) NOT NULL,
                overridden \(unsafeRaw: integer) NOT NULL,
                status \(unsafeRaw: text) NOT NULL,
                attempts \(unsafeRaw: integer) NOT NULL,
                round_attempts \(unsafeRaw: integer) NOT NULL,
                due_at \(unsafeRaw: integer) NOT NULL,
                next_attempt_at \(unsafeRaw: integer),
                last_attempt_at \(unsafeRaw: integer),
                external_id \(unsafeRaw: text),
                external_url \(unsafeRaw: text),
                error \(unsafeRaw: text),
                retryable \(unsafeRaw: integer),
                delivered_at \(unsafeRaw: integer),
                updated_at \(unsafeRaw: integer) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX publishing_deliveries_by_message ON publishing_deliveries (message_id, position)").run()
        // The scheduler's question every second: which scheduled deliveries are due.
        try await database.raw("CREATE INDEX publishing_deliveries_due ON publishing_deliveries (status, due_at)").run()
        try await database.raw("CREATE INDEX publishing_deliveries_by_owner ON publishing_deliveries (owner_id, status)").run()
        try await database.raw("""
            CREATE TABLE certifications (
                id \(unsafeRaw: text) PRIMARY KEY,
                owner_id \(unsafeRaw: text) NOT NULL,
                name \(unsafeRaw: text) NOT NULL,
                issuer \(unsafeRaw: text) NOT NULL,
                issued_on \(unsafeRaw: text),
                expires_on \(unsafeRaw: text),
                credential_id \(unsafeRaw: text),
                credential_url \(unsafeRaw: text),
                skills \(unsafeRaw: text) NOT NULL,
                verification \(unsafeRaw: text) NOT NULL,
                verification_detail \(unsafeRaw: text),
                verified_at \(unsafeRaw: integer),
                reminded_for \(unsafeRaw: text),
                created_at \(unsafeRaw: integer) NOT NULL,
                updated_at \(unsafeRaw: integer) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX certifications_by_owner ON certifications (owner_id, created_at)").run()
        try await database.raw("CREATE INDEX certifications_by_expiry ON certifications (expires_on)").run()
    }
}

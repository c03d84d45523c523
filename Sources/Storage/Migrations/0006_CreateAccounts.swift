import SQLKit

/// Accounts and what hangs off them: profiles, sessions and their refresh tokens, mailed single-use
/// tokens, second factors, API keys, saved searches, and the attempt counters of brute-force protection.
/// Secrets are stored as hashes (tokens, keys, recovery codes) or sealed (the TOTP seed); times are milliseconds.
struct CreateAccounts: Migration {
    let version = 6
    let name = "create_accounts"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        let bigint = dialect.bigInteger, text = dialect.text
        let statements = [
            """
            CREATE TABLE users (
                id \(text) PRIMARY KEY,
                email \(text) NOT NULL UNIQUE,
                name \(text) NOT NULL,
                password_hash \(text),
                groups \(text) NOT NULL,
                disabled \(bigint) NOT NULL,
                email_verified_at \(bigint),
                external_subject \(text) UNIQUE,
                created_at \(bigint) NOT NULL,
                updated_at \(bigint) NOT NULL
            )
            """,
            """
            CREATE TABLE user_profiles (
                user_id \(text) PRIMARY KEY,
                headline \(text),
                location \(text),
                remote_preference \(text),
                desired_salary \(bigint),
                salary_currency \(text),
                skills \(text) NOT NULL,
                career_stage \(text),
                preferences \(text) NOT NULL,
                updated_at \(bigint)
            )
            """,
            """
            CREATE TABLE user_totp (
                user_id \(text) PRIMARY KEY,
                sealed_secret \(text) NOT NULL,
                confirmed_at \(bigint),
                last_used_step \(bigint)
            )
            """,
            """
            CREATE TABLE user_recovery_codes (
                user_id \(text) NOT NULL,
                code_hash \(text) NOT NULL,
                used_at \(bigint),
                PRIMARY KEY (user_id, code_hash)
            )
            """,
            """
            CREATE TABLE user_sessions (
                id \(text) PRIMARY KEY,
                user_id \(text) NOT NULL,
                created_at \(bigint) NOT NULL,
                revoked_at \(bigint)
            )
            """,
            "CREATE INDEX user_sessions_user ON user_sessions (user_id)",
            """
            CREATE TABLE refresh_tokens (
                id \(text) PRIMARY KEY,
                session_id \(text) NOT NULL,
                user_id \(text) NOT NULL,
                token_hash \(text) NOT NULL UNIQUE,
                created_at \(bigint) NOT NULL,
                expires_at \(bigint) NOT NULL,
                rotated_at \(bigint)
            )
            """,
            "CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)",
            """
            CREATE TABLE one_time_tokens (
                token_hash \(text) PRIMARY KEY,
                user_id \(text) NOT NULL,
                purpose \(text) NOT NULL,
                expires_at \(bigint) NOT NULL,
                used_at \(bigint)
            )
            """,
            "CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose)",
            """
            CREATE TABLE api_keys (
                id \(text) PRIMARY KEY,
                user_id \(text) NOT NULL,
                name \(text) NOT NULL,
                prefix \(text) NOT NULL UNIQUE,
                secret_hash \(text) NOT NULL,
                rate_per_second \(bigint) NOT NULL,
                created_at \(bigint) NOT NULL,
                last_used_at \(bigint)
            )
            """,
            "CREATE INDEX api_keys_user ON api_keys (user_id)",
            """
            CREATE TABLE saved_searches (
                id \(text) PRIMARY KEY,
                user_id \(text) NOT NULL,
                name \(text) NOT NULL,
                name_key \(text) NOT NULL,
                query \(text) NOT NULL,
                matching_key \(text) NOT NULL,
                alert_enabled \(bigint) NOT NULL,
                alert_frequency \(text) NOT NULL,
                alert_watermark \(bigint) NOT NULL,
                last_alerted_at \(bigint),
                created_at \(bigint) NOT NULL,
                updated_at \(bigint) NOT NULL,
                UNIQUE (user_id, name_key),
                UNIQUE (user_id, matching_key)
            )
            """,
            "CREATE INDEX saved_searches_alerts ON saved_searches (alert_frequency, alert_enabled)",
            """
            CREATE TABLE attempt_counters (
                key \(text) PRIMARY KEY,
                window_ends_at \(bigint) NOT NULL,
                count \(bigint) NOT NULL
            )
            """,
        ]
        for statement in statements {
            try await database.raw(SQLQueryString(statement)).run()
        }
    }
}

import SQLKit

/// Provider sources, their sync runs, which postings each source lists (so a full sync can close
/// what disappeared), and cross-source duplicate links with the keys that find them.
struct CreateJobSources: Migration {
    let version = 4
    let name = "create_job_sources"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        let bigint = dialect.bigInteger, text = dialect.text, key = dialect.autoIncrementPrimaryKey
        try await database.raw("""
            CREATE TABLE job_sources (
                id \(unsafeRaw: key),
                name \(unsafeRaw: text) NOT NULL,
                kind \(unsafeRaw: text) NOT NULL,
                parameters \(unsafeRaw: text) NOT NULL,
                schedule \(unsafeRaw: text) NOT NULL,
                enabled \(unsafeRaw: bigint) NOT NULL,
                created_at \(unsafeRaw: bigint) NOT NULL
            )
            """).run()
        try await database.raw("""
            CREATE TABLE job_sync_runs (
                id \(unsafeRaw: key),
                source_id \(unsafeRaw: bigint) NOT NULL,
                started_at \(unsafeRaw: bigint) NOT NULL,
                finished_at \(unsafeRaw: bigint) NOT NULL,
                status \(unsafeRaw: text) NOT NULL,
                fetched \(unsafeRaw: bigint) NOT NULL,
                inserted \(unsafeRaw: bigint) NOT NULL,
                updated \(unsafeRaw: bigint) NOT NULL,
                unchanged \(unsafeRaw: bigint) NOT NULL,
                skipped \(unsafeRaw: bigint) NOT NULL,
                closed \(unsafeRaw: bigint) NOT NULL,
                duplicates \(unsafeRaw: bigint) NOT NULL,
                error \(unsafeRaw: text),
                skipped_examples \(unsafeRaw: text) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX job_sync_runs_source ON job_sync_runs (source_id, id)").run()
        try await database.raw("""
            CREATE TABLE job_source_postings (
                source_id \(unsafeRaw: bigint) NOT NULL,
                job_id \(unsafeRaw: text) NOT NULL,
                PRIMARY KEY (source_id, job_id)
            )
            """).run()
        try await database.raw("""
            CREATE TABLE job_posting_keys (
                job_id \(unsafeRaw: text) PRIMARY KEY,
                apply_url_key \(unsafeRaw: text),
                listing_key \(unsafeRaw: text) NOT NULL,
                posted_date \(unsafeRaw: bigint) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX job_posting_keys_apply_url ON job_posting_keys (apply_url_key)").run()
        try await database.raw("CREATE INDEX job_posting_keys_listing ON job_posting_keys (listing_key)").run()
        try await database.raw("""
            CREATE TABLE job_posting_links (
                job_id \(unsafeRaw: text) PRIMARY KEY,
                canonical_job_id \(unsafeRaw: text) NOT NULL,
                reason \(unsafeRaw: text) NOT NULL,
                linked_at \(unsafeRaw: bigint) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX job_posting_links_canonical ON job_posting_links (canonical_job_id)").run()
    }
}

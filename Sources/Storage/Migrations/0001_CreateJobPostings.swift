import SQLKit

/// Job postings and the ordered change feed that keeps every process's search index current.
struct CreateJobPostings: Migration {
    let version = 1
    let name = "create_job_postings"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        let bigint = dialect.bigInteger, text = dialect.text
        try await database.raw("""
            CREATE TABLE job_postings (
                row_id \(unsafeRaw: dialect.autoIncrementPrimaryKey),
                job_id \(unsafeRaw: text) NOT NULL UNIQUE,
                provider_id \(unsafeRaw: text) NOT NULL,
                title \(unsafeRaw: text) NOT NULL,
                description \(unsafeRaw: text) NOT NULL,
                description_html \(unsafeRaw: text),
                company \(unsafeRaw: text) NOT NULL,
                location \(unsafeRaw: text) NOT NULL,
                remote \(unsafeRaw: bigint) NOT NULL,
                employment_type \(unsafeRaw: text),
                min_salary \(unsafeRaw: bigint),
                max_salary \(unsafeRaw: bigint),
                currency \(unsafeRaw: text),
                pay_interval \(unsafeRaw: text),
                posted_date \(unsafeRaw: bigint) NOT NULL,
                apply_url \(unsafeRaw: text),
                expires_at \(unsafeRaw: bigint),
                updated_at \(unsafeRaw: bigint) NOT NULL,
                status \(unsafeRaw: text) NOT NULL,
                content_hash \(unsafeRaw: text) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX job_postings_provider ON job_postings (provider_id)").run()
        try await database.raw("""
            CREATE TABLE change_feed (
                sequence \(unsafeRaw: dialect.autoIncrementPrimaryKey),
                entity \(unsafeRaw: text) NOT NULL,
                row_id \(unsafeRaw: bigint) NOT NULL,
                changed_at \(unsafeRaw: bigint) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX change_feed_entity ON change_feed (entity, sequence)").run()
    }
}

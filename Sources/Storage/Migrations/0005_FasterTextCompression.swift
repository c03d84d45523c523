import SQLKit

/// PostgreSQL compresses long texts (descriptions) with pglz by default, which costs the server more than
/// the rest of an import's work on a row; lz4 (PostgreSQL 14 and later, when built with it) is several times
/// faster. Stored values are the same; rows already stored keep their compression until rewritten.
/// Nothing to do on other engines, or on a server without lz4.
struct FasterTextCompression: Migration {
    let version = 5
    let name = "lz4_text_compression"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        guard dialect.name == PostgreSQLDialect().name else { return }
        let hasLZ4 = try await database.raw("""
            SELECT 1 AS available FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)
            """).first() != nil
        guard hasLZ4 else { return }
        try await database.raw("""
            ALTER TABLE job_postings ALTER COLUMN description SET COMPRESSION lz4,
                ALTER COLUMN description_html SET COMPRESSION lz4
            """).run()
    }
}

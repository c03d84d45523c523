import SQLKit

/// Resumes: the original lives in the blob store; the row keeps its text and what was read from it.
struct CreateResumes: Migration {
    let version = 8
    let name = "create_resumes"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("""
            CREATE TABLE resumes (
                id \(unsafeRaw: dialect.text) PRIMARY KEY,
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                file_name \(unsafeRaw: dialect.text) NOT NULL,
                content_type \(unsafeRaw: dialect.text) NOT NULL,
                byte_size \(unsafeRaw: dialect.bigInteger) NOT NULL,
                blob_key \(unsafeRaw: dialect.text) NOT NULL,
                body \(unsafeRaw: dialect.text) NOT NULL,
                parsed \(unsafeRaw: dialect.text) NOT NULL,
                is_primary \(unsafeRaw: dialect.bigInteger) NOT NULL,
                created_at \(unsafeRaw: dialect.bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX resumes_by_user ON resumes (user_id, created_at)").run()
    }
}

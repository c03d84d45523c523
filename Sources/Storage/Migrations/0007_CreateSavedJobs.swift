import SQLKit

/// Postings a user keeps to come back to (the "save" button on a posting's page).
struct CreateSavedJobs: Migration {
    let version = 7
    let name = "create_saved_jobs"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("""
            CREATE TABLE saved_jobs (
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                job_id \(unsafeRaw: dialect.text) NOT NULL,
                saved_at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                PRIMARY KEY (user_id, job_id)
            )
            """).run()
    }
}

import SQLKit

/// A posting's skills, read once when it is written (`RecordedSkills`), so that every process that indexes
/// it, and every rebuild, takes them from the row instead of reading the text again. Rows written before
/// have none until rewritten; an index reads their skills itself, as it did before.
struct RecordPostingSkills: Migration {
    let version = 17
    let name = "record_posting_skills"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("ALTER TABLE job_postings ADD COLUMN skills TEXT").run()
    }
}

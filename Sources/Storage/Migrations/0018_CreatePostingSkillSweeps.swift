import SQLKit

/// How far each skill tagger has gone through the postings written before it, recording their skills
/// (`SQLJobPostingRepository.recordStaleSkills`): one row per tagger stamp, so two releases running side by
/// side during an upgrade each keep their own place.
struct CreatePostingSkillSweeps: Migration {
    let version = 18
    let name = "create_posting_skill_sweeps"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("""
            CREATE TABLE posting_skill_sweeps (stamp \(unsafeRaw: dialect.text) PRIMARY KEY, after_row_id \(unsafeRaw: dialect.bigInteger) NOT NULL)
            """).run()
    }
}

import SQLKit

/// Roadmaps keep their goal and progress; their skills are worked out again from the market when read.
struct CreateRoadmaps: Migration {
    let version = 9
    let name = "create_roadmaps"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("""
            CREATE TABLE roadmaps (
                id \(unsafeRaw: dialect.text) PRIMARY KEY,
                user_id \(unsafeRaw: dialect.text) NOT NULL,
                target_role \(unsafeRaw: dialect.text) NOT NULL,
                from_role \(unsafeRaw: dialect.text),
                learned \(unsafeRaw: dialect.text) NOT NULL,
                created_at \(unsafeRaw: dialect.bigInteger) NOT NULL,
                updated_at \(unsafeRaw: dialect.bigInteger) NOT NULL
            )
            """).run()
        try await database.raw("CREATE INDEX roadmaps_by_user ON roadmaps (user_id, created_at)").run()
    }
}

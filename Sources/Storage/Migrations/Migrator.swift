import Foundation
import SQLKit

/// Applies pending migrations, each in its own transaction, and records them in `schema_migrations`.
public struct Migrator: Sendable {
    private let store: any SQLStore
    private let migrations: [any Migration]

    public init(store: any SQLStore, migrations: [any Migration] = Migrations.all) {
        self.store = store
        self.migrations = migrations
    }

    /// Applies what is missing; returns the versions applied now (empty when up to date).
    @discardableResult
    public func migrate() async throws -> [Int] {
        let dialect = store.dialect
        let migrations = self.migrations
        return try await store.write { database in
            try await database.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version \(unsafeRaw: dialect.bigInteger) PRIMARY KEY,
                    name \(unsafeRaw: dialect.text) NOT NULL,
                    applied_at \(unsafeRaw: dialect.bigInteger) NOT NULL
                )
                """).run()
            let applied = Set(try await database.select().column("version").from("schema_migrations")
                .all(decodingColumn: "version", as: Int.self))
            var now: [Int] = []
            // One transaction for the whole run: two processes starting together serialize on it,
            // and the second finds everything applied.
            for migration in migrations where !applied.contains(migration.version) {
                try await migration.apply(on: database, dialect: dialect)
                try await database.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(migration.version, migration.name, Int64(Date().timeIntervalSince1970))
                    .run()
                now.append(migration.version)
            }
            return now
        }
    }

    /// Whether every known migration has been applied (what `/ready` reports).
    public func isUpToDate() async throws -> Bool {
        let versions = try await store.read { database in
            try await database.select().column("version").from("schema_migrations")
                .all(decodingColumn: "version", as: Int.self)
        }
        return Set(migrations.map(\.version)).isSubset(of: Set(versions))
    }
}

import Foundation
import SQLKit

/// A random identity for the database, so files derived from it (the search index) can tell
/// whether they belong to it.
struct CreateDatabaseIdentity: Migration {
    let version = 2
    let name = "create_database_identity"

    func apply(on database: any SQLDatabase, dialect: any StorageDialect) async throws {
        try await database.raw("CREATE TABLE database_identity (id \(unsafeRaw: dialect.text) NOT NULL)").run()
        try await database.insert(into: "database_identity").columns("id").values(UUID().uuidString).run()
    }
}

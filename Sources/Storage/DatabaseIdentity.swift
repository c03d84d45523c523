import SQLKit

/// Reads the identity the migrations gave this database.
public enum DatabaseIdentity {
    public static func read(from store: any SQLStore) async throws -> String {
        try await store.read { database in
            try await database.select().column("id").from("database_identity").first(decodingColumn: "id", as: String.self)
        } ?? ""
    }
}

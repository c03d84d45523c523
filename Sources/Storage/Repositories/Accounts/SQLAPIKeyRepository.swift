import Accounts
import Foundation
import SQLKit

/// API keys over SQLKit; only the hash of each secret is stored.
public struct SQLAPIKeyRepository: APIKeyRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func create(_ key: APIKey) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, rate_per_second, created_at)
                VALUES (\(bind: key.id), \(bind: key.userID), \(bind: key.name), \(bind: key.prefix), \(bind: key.secretHash),
                        \(bind: key.ratePerSecond), \(bind: Milliseconds.from(key.createdAt)))
                """).run()
        }
    }

    public func keys(userID: String) async throws -> [APIKey] {
        try await store.read { database in
            try await database.raw("SELECT * FROM api_keys WHERE user_id = \(bind: userID) ORDER BY created_at, id").all().map { try APIKey(row: $0) }
        }
    }

    public func delete(id: String, userID: String) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("DELETE FROM api_keys WHERE id = \(bind: id) AND user_id = \(bind: userID) RETURNING id").first() != nil
        }
    }

    public func key(prefix: String) async throws -> APIKey? {
        try await store.read { database in
            try await database.raw("SELECT * FROM api_keys WHERE prefix = \(bind: prefix)").first().map { try APIKey(row: $0) }
        }
    }

    public func markUsed(id: String, at time: Date) async throws {
        try await store.transaction { database in
            try await database.raw("UPDATE api_keys SET last_used_at = \(bind: Milliseconds.from(time)) WHERE id = \(bind: id)").run()
        }
    }
}

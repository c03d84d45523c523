import Accounts
import Foundation
import SQLKit

/// Sessions, their rotating refresh tokens, and mailed single-use tokens over SQLKit.
public struct SQLSessionRepository: SessionRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func startSession(_ token: RefreshTokenRecord) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO user_sessions (id, user_id, created_at) VALUES (\(bind: token.familyID), \(bind: token.userID), \(bind: Milliseconds.from(token.createdAt)))
                """).run()
            try await Self.insert(token, on: database)
        }
    }

    private static func insert(_ token: RefreshTokenRecord, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO refresh_tokens (id, session_id, user_id, token_hash, created_at, expires_at)
            VALUES (\(bind: token.id), \(bind: token.familyID), \(bind: token.userID), \(bind: token.tokenHash),
                    \(bind: Milliseconds.from(token.createdAt)), \(bind: Milliseconds.from(token.expiresAt)))
            """).run()
    }

    /// `next` takes its user and session from the token it replaces.
    public func rotate(tokenHash: String, next: RefreshTokenRecord, at time: Date) async throws -> RotationOutcome {
        let now = Milliseconds.from(time)
        return try await store.transaction { database in
            guard let row = try await database.raw("""
                SELECT refresh_tokens.id, refresh_tokens.session_id, refresh_tokens.user_id, refresh_tokens.expires_at,
                       refresh_tokens.rotated_at, user_sessions.revoked_at
                FROM refresh_tokens JOIN user_sessions ON user_sessions.id = refresh_tokens.session_id
                WHERE refresh_tokens.token_hash = \(bind: tokenHash)
                """).first() else { return .invalid }
            let sessionID = try row.decode(column: "session_id", as: String.self)
            let userID = try row.decode(column: "user_id", as: String.self)
            guard try row.decode(column: "revoked_at", as: Int64?.self) == nil else { return .invalid }
            // Only one exchange of a token wins, even when two arrive at once; the other is a replay.
            let claimed = try await database.raw("""
                UPDATE refresh_tokens SET rotated_at = \(bind: now)
                WHERE id = \(bind: try row.decode(column: "id", as: String.self)) AND rotated_at IS NULL RETURNING id
                """).first() != nil
            guard claimed else {
                try await database.raw("UPDATE user_sessions SET revoked_at = \(bind: now) WHERE id = \(bind: sessionID)").run()
                return .reused
            }
            guard try row.decode(column: "expires_at", as: Int64.self) > now else { return .invalid }
            var replacement = next
            replacement.userID = userID
            replacement.familyID = sessionID
            try await Self.insert(replacement, on: database)
            return .rotated(userID: userID, sessionID: sessionID)
        }
    }

    public func revokeSession(tokenHash: String, at time: Date) async throws -> Bool {
        try await store.transaction { database in
            guard let sessionID = try await database.raw("""
                SELECT session_id FROM refresh_tokens WHERE token_hash = \(bind: tokenHash)
                """).first(decodingColumn: "session_id", as: String.self) else { return false }
            try await database.raw("""
                UPDATE user_sessions SET revoked_at = \(bind: Milliseconds.from(time)) WHERE id = \(bind: sessionID) AND revoked_at IS NULL
                """).run()
            return true
        }
    }

    public func revokeSession(id: String, at time: Date) async throws {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE user_sessions SET revoked_at = \(bind: Milliseconds.from(time)) WHERE id = \(bind: id) AND revoked_at IS NULL
                """).run()
        }
    }

    public func currentSession(tokenHash: String, at time: Date) async throws -> (userID: String, sessionID: String)? {
        try await store.read { database in
            guard let row = try await database.raw("""
                SELECT refresh_tokens.user_id, refresh_tokens.session_id
                FROM refresh_tokens JOIN user_sessions ON user_sessions.id = refresh_tokens.session_id
                WHERE refresh_tokens.token_hash = \(bind: tokenHash) AND refresh_tokens.rotated_at IS NULL
                  AND refresh_tokens.expires_at > \(bind: Milliseconds.from(time)) AND user_sessions.revoked_at IS NULL
                """).first() else { return nil }
            return (try row.decode(column: "user_id", as: String.self), try row.decode(column: "session_id", as: String.self))
        }
    }

    public func revokeSessions(userID: String, keeping: String?, at time: Date) async throws {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE user_sessions SET revoked_at = \(bind: Milliseconds.from(time))
                WHERE user_id = \(bind: userID) AND revoked_at IS NULL AND id <> \(bind: keeping ?? "")
                """).run()
        }
    }

    public func addOneTimeToken(_ token: OneTimeTokenRecord) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO one_time_tokens (token_hash, user_id, purpose, expires_at)
                VALUES (\(bind: token.tokenHash), \(bind: token.userID), \(bind: token.purpose.rawValue), \(bind: Milliseconds.from(token.expiresAt)))
                """).run()
        }
    }

    public func consumeOneTimeToken(hash: String, purpose: OneTimePurpose, at time: Date) async throws -> String? {
        let now = Milliseconds.from(time)
        return try await store.transaction { database in
            try await database.raw("""
                UPDATE one_time_tokens SET used_at = \(bind: now)
                WHERE token_hash = \(bind: hash) AND purpose = \(bind: purpose.rawValue) AND used_at IS NULL AND expires_at > \(bind: now)
                RETURNING user_id
                """).first(decodingColumn: "user_id", as: String.self)
        }
    }

    public func expireOneTimeTokens(userID: String, purpose: OneTimePurpose, at time: Date) async throws {
        try await store.transaction { database in
            try await database.raw("""
                DELETE FROM one_time_tokens WHERE user_id = \(bind: userID) AND purpose = \(bind: purpose.rawValue)
                """).run()
        }
    }
}

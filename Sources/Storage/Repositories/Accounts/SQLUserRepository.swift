import Accounts
import Domain
import Foundation
import SQLKit

/// Accounts, profiles and second factors over SQLKit.
public struct SQLUserRepository: UserRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func create(_ user: User) async throws {
        do {
            try await store.transaction { database in
                try await database.raw("""
                    INSERT INTO users (id, email, name, password_hash, groups, disabled, email_verified_at, external_subject, created_at, updated_at)
                    VALUES (\(bind: user.id), \(bind: user.email), \(bind: user.name), \(bind: user.passwordHash), \(bind: user.storedGroups),
                            \(bind: user.isDisabled ? 1 : 0), \(bind: user.emailVerifiedAt.map(Milliseconds.from)), \(bind: user.externalSubject),
                            \(bind: Milliseconds.from(user.createdAt)), \(bind: Milliseconds.from(user.updatedAt)))
                    """).run()
                try await database.raw("""
                    INSERT INTO user_profiles (user_id, skills, preferences) VALUES (\(bind: user.id), '[]', '{}')
                    """).run()
            }
        } catch where UniqueViolation.matches(error) {
            throw DomainError.conflict("An account with this email already exists.")
        }
    }

    public func user(id: String) async throws -> User? {
        try await one("SELECT * FROM users WHERE id = \(bind: id)")
    }

    public func user(email: String) async throws -> User? {
        try await one("SELECT * FROM users WHERE email = \(bind: email)")
    }

    public func user(externalSubject: String) async throws -> User? {
        try await one("SELECT * FROM users WHERE external_subject = \(bind: externalSubject)")
    }

    public func activeUser(id: String, sessionID: String) async throws -> User? {
        try await one("""
            SELECT users.* FROM users JOIN user_sessions ON user_sessions.user_id = users.id
            WHERE users.id = \(bind: id) AND users.disabled = 0 AND user_sessions.id = \(bind: sessionID)
              AND user_sessions.revoked_at IS NULL
            """)
    }

    private func one(_ query: SQLQueryString) async throws -> User? {
        try await store.read { database in try await database.raw(query).first().map { try User(row: $0) } }
    }

    public func update(_ user: User) async throws {
        do {
            try await store.transaction { database in
                try await database.raw("""
                    UPDATE users SET email = \(bind: user.email), name = \(bind: user.name), password_hash = \(bind: user.passwordHash),
                        groups = \(bind: user.storedGroups), disabled = \(bind: user.isDisabled ? 1 : 0),
                        email_verified_at = \(bind: user.emailVerifiedAt.map(Milliseconds.from)),
                        external_subject = \(bind: user.externalSubject), updated_at = \(bind: Milliseconds.from(user.updatedAt))
                    WHERE id = \(bind: user.id)
                    """).run()
            }
        } catch where UniqueViolation.matches(error) {
            throw DomainError.conflict("An account with this email already exists.")
        }
    }

    public func delete(id: String) async throws -> Bool {
        try await store.transaction { database in
            guard try await database.raw("DELETE FROM users WHERE id = \(bind: id) RETURNING id").first() != nil else { return false }
            for table in ["user_profiles", "user_totp", "user_recovery_codes", "user_sessions", "refresh_tokens", "one_time_tokens", "api_keys",
                          "saved_searches", "saved_jobs", "resumes", "roadmaps", "applications", "application_events"] {
                try await database.raw("DELETE FROM \(ident: table) WHERE user_id = \(bind: id)").run()
            }
            return true
        }
    }

    public func users(after afterEmail: String?, limit: Int) async throws -> [User] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM users WHERE email > \(bind: afterEmail ?? "") ORDER BY email LIMIT \(bind: limit)
                """).all().map { try User(row: $0) }
        }
    }

    public func profile(userID: String) async throws -> UserProfile {
        try await store.read { database in
            try await database.raw("SELECT * FROM user_profiles WHERE user_id = \(bind: userID)").first().map { try UserProfile(row: $0) }
        } ?? UserProfile()
    }

    public func saveProfile(_ profile: UserProfile, userID: String) async throws {
        let skills = String(decoding: try JSONEncoder().encode(profile.skills), as: UTF8.self)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let preferences = String(decoding: try encoder.encode(profile.preferences), as: UTF8.self)
        try await store.transaction { database in
            try await database.raw("DELETE FROM user_profiles WHERE user_id = \(bind: userID)").run()
            try await database.raw("""
                INSERT INTO user_profiles (user_id, headline, location, remote_preference, desired_salary, salary_currency, skills,
                                           career_stage, preferences, updated_at)
                VALUES (\(bind: userID), \(bind: profile.headline), \(bind: profile.location), \(bind: profile.remotePreference?.rawValue),
                        \(bind: profile.desiredSalary), \(bind: profile.salaryCurrency), \(bind: skills), \(bind: profile.careerStage?.rawValue),
                        \(bind: preferences), \(bind: profile.updatedAt.map(Milliseconds.from)))
                """).run()
        }
    }

    public func totp(userID: String) async throws -> TOTPEnrollment? {
        try await store.read { database in
            try await database.raw("SELECT * FROM user_totp WHERE user_id = \(bind: userID)").first().map { row in
                TOTPEnrollment(
                    sealedSecret: try row.decode(column: "sealed_secret", as: String.self),
                    confirmedAt: try row.decode(column: "confirmed_at", as: Int64?.self).map(Milliseconds.date),
                    lastUsedStep: try row.decode(column: "last_used_step", as: Int64?.self)
                )
            }
        }
    }

    public func saveTOTP(_ enrollment: TOTPEnrollment?, userID: String) async throws {
        try await store.transaction { database in
            try await database.raw("DELETE FROM user_totp WHERE user_id = \(bind: userID)").run()
            guard let enrollment else {
                try await database.raw("DELETE FROM user_recovery_codes WHERE user_id = \(bind: userID)").run()
                return
            }
            try await database.raw("""
                INSERT INTO user_totp (user_id, sealed_secret, confirmed_at, last_used_step)
                VALUES (\(bind: userID), \(bind: enrollment.sealedSecret), \(bind: enrollment.confirmedAt.map(Milliseconds.from)),
                        \(bind: enrollment.lastUsedStep))
                """).run()
        }
    }

    public func useTOTPStep(_ step: Int64, userID: String) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE user_totp SET last_used_step = \(bind: step)
                WHERE user_id = \(bind: userID) AND (last_used_step IS NULL OR last_used_step < \(bind: step))
                RETURNING user_id
                """).first() != nil
        }
    }

    public func replaceRecoveryCodes(_ hashes: [String], userID: String) async throws {
        try await store.transaction { database in
            try await database.raw("DELETE FROM user_recovery_codes WHERE user_id = \(bind: userID)").run()
            guard !hashes.isEmpty else { return }
            var insert = database.insert(into: "user_recovery_codes").columns("user_id", "code_hash")
            for hash in hashes { insert = insert.values(SQLBind(userID), SQLBind(hash)) }
            try await insert.run()
        }
    }

    public func useRecoveryCode(hash: String, userID: String, at time: Date) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE user_recovery_codes SET used_at = \(bind: Milliseconds.from(time))
                WHERE user_id = \(bind: userID) AND code_hash = \(bind: hash) AND used_at IS NULL
                RETURNING user_id
                """).first() != nil
        }
    }

    public func unusedRecoveryCodeCount(userID: String) async throws -> Int {
        try await store.read { database in
            try await database.raw("""
                SELECT COUNT(*) AS n FROM user_recovery_codes WHERE user_id = \(bind: userID) AND used_at IS NULL
                """).first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}

import Domain
import Foundation
import Platform

/// Where accounts, their profiles and their second factors live.
public protocol UserRepository: Sendable {
    /// Adds an account with an empty profile. Throws `DomainError.conflict` when the email (or the
    /// external subject) is taken.
    func create(_ user: User) async throws
    func user(id: String) async throws -> User?
    func user(email: String) async throws -> User?
    func user(externalSubject: String) async throws -> User?
    /// The account, when it exists, is enabled, and the session is not revoked: the one read an
    /// authenticated request makes.
    func activeUser(id: String, sessionID: String) async throws -> User?
    func update(_ user: User) async throws
    /// Deletes the account and everything it owns (profile, sessions, keys, searches, second factors).
    func delete(id: String) async throws -> Bool
    /// Accounts ordered by email, after `afterEmail` (the cursor), at most `limit`.
    func users(after afterEmail: String?, limit: Int) async throws -> [User]

    func profile(userID: String) async throws -> UserProfile
    func saveProfile(_ profile: UserProfile, userID: String) async throws

    func totp(userID: String) async throws -> TOTPEnrollment?
    /// Replaces the enrolment (nil removes it, with the recovery codes).
    func saveTOTP(_ enrollment: TOTPEnrollment?, userID: String) async throws
    /// Records that a code of `step` was accepted, only if no code of this or a later step was:
    /// false means the code was already used.
    func useTOTPStep(_ step: Int64, userID: String) async throws -> Bool
    func replaceRecoveryCodes(_ hashes: [String], userID: String) async throws
    /// Marks an unused recovery code used; false when there is no such unused code.
    func useRecoveryCode(hash: String, userID: String, at time: Date) async throws -> Bool
    func unusedRecoveryCodeCount(userID: String) async throws -> Int
}

/// Sessions (families of refresh tokens) and mailed single-use tokens.
public protocol SessionRepository: Sendable {
    /// Starts a session whose first refresh token is `token`.
    func startSession(_ token: RefreshTokenRecord) async throws
    /// Exchanges a refresh token for `next` in one step. A token already exchanged revokes its whole
    /// session (someone replayed it).
    func rotate(tokenHash: String, next: RefreshTokenRecord, at time: Date) async throws -> RotationOutcome
    /// Revokes the session a refresh token belongs to; false when the token is unknown.
    func revokeSession(tokenHash: String, at time: Date) async throws -> Bool
    func revokeSession(id: String, at time: Date) async throws
    /// The user and session of a refresh token that is current (not exchanged, expired or revoked):
    /// how a browser's session cookie, which holds one, is checked.
    func currentSession(tokenHash: String, at time: Date) async throws -> (userID: String, sessionID: String)?
    /// Revokes every session of the user but `keeping` (the caller's own).
    func revokeSessions(userID: String, keeping: String?, at time: Date) async throws

    func addOneTimeToken(_ token: OneTimeTokenRecord) async throws
    /// Uses a token once: the user id when it exists for this purpose, is unused and unexpired.
    func consumeOneTimeToken(hash: String, purpose: OneTimePurpose, at time: Date) async throws -> String?
    /// Expires the user's unused tokens of this purpose (a newer mail replaces them).
    func expireOneTimeTokens(userID: String, purpose: OneTimePurpose, at time: Date) async throws
}

public enum RotationOutcome: Sendable, Equatable {
    case rotated(userID: String, sessionID: String)
    /// The token had already been exchanged: its session is now revoked.
    case reused
    /// Unknown, expired or revoked.
    case invalid
}

public protocol APIKeyRepository: Sendable {
    func create(_ key: APIKey) async throws
    func keys(userID: String) async throws -> [APIKey]
    func delete(id: String, userID: String) async throws -> Bool
    func key(prefix: String) async throws -> APIKey?
    func markUsed(id: String, at time: Date) async throws
}

public protocol SavedSearchRepository: Sendable {
    /// Adds a search and its `search.saved` event in one transaction. Throws `DomainError.conflict`
    /// when the user already has a search of that name or with that matching key.
    func create(_ search: SavedSearch, event: DomainEvent) async throws
    func searches(userID: String) async throws -> [SavedSearch]
    func search(id: String, userID: String) async throws -> SavedSearch?
    /// Throws `DomainError.conflict` like `create`.
    func update(_ search: SavedSearch) async throws
    func delete(id: String, userID: String) async throws -> Bool
    /// Enabled searches of this frequency whose last alert is at least its interval before `now`.
    func dueForAlert(frequency: AlertFrequency, now: Date) async throws -> [SavedSearch]
    func markAlerted(ids: [String], watermark: Int64, at time: Date) async throws
    /// Turns off one search's alerts (the unsubscribe link); false when it no longer exists.
    func disableAlert(id: String) async throws -> Bool
}

/// Counts attempts per key in fixed windows, shared by every process on the database, so
/// throttling holds however many servers a client spreads its guesses over.
public protocol AttemptCounter: Sendable {
    /// Adds one attempt and returns how many the key has in the current window, and when it ends.
    func record(key: String, window: TimeInterval, now: Date) async throws -> (count: Int, windowEnds: Date)
    /// Attempts in the current window (0 when it has ended).
    func count(key: String, now: Date) async throws -> (count: Int, windowEnds: Date)
    func reset(key: String) async throws
}

/// Postings each user saved, newest first.
public protocol SavedJobRepository: Sendable {
    /// Saves a posting; saving it again keeps the first time.
    func save(jobID: String, userID: String, at time: Date) async throws
    func remove(jobID: String, userID: String) async throws -> Bool
    func savedJobs(userID: String, limit: Int) async throws -> [(jobID: String, savedAt: Date)]
    func isSaved(jobID: String, userID: String) async throws -> Bool
}

import Accounts
import Domain
import Foundation
import Platform
import Storage
import Testing

@Suite("Account repositories contract")
struct AccountRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func user(_ id: String, email: String? = nil) -> User {
        User(id: id, email: email ?? "\(id)@example.com", name: "User \(id)", passwordHash: "hash", groups: [.candidate],
             emailVerifiedAt: now, createdAt: now, updatedAt: now)
    }

    static func token(_ hash: String, user: String, session: String, expires: TimeInterval = 3_600) -> RefreshTokenRecord {
        RefreshTokenRecord(id: UUID().uuidString, userID: user, familyID: session, tokenHash: hash, createdAt: now,
                           expiresAt: now.addingTimeInterval(expires))
    }

    @Test("an email is one account; a second one conflicts, and a read finds it by id, email and subject", arguments: StorageBackend.available)
    func usersAreUniqueByEmail(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let users = SQLUserRepository(store: store)
            var ada = Self.user("a", email: "ada@example.com")
            ada.externalSubject = "https://issuer|sub-1"
            ada.groups = [.candidate, .employer]
            try await users.create(ada)
            await #expect(throws: DomainError.conflict("An account with this email already exists.")) {
                try await users.create(Self.user("b", email: "ada@example.com"))
            }
            #expect(try await users.user(id: "a") == ada)
            #expect(try await users.user(email: "ada@example.com") == ada)
            #expect(try await users.user(externalSubject: "https://issuer|sub-1") == ada)
            #expect(try await users.user(id: "b") == nil)
            #expect(try await users.profile(userID: "a") == UserProfile())
        }
    }

    @Test("a profile round-trips every field", arguments: StorageBackend.available)
    func profileRoundTrip(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let users = SQLUserRepository(store: store)
            try await users.create(Self.user("a"))
            let profile = UserProfile(
                headline: "Data engineer", location: "Berlin", remotePreference: .hybrid, desiredSalary: 85_000,
                salaryCurrency: "EUR", skills: ["Swift", "SQL"], careerStage: .senior,
                preferences: ["theme": .string("dark"), "digest": .bool(true), "radius_km": .number(25)], updatedAt: Self.now
            )
            try await users.saveProfile(profile, userID: "a")
            #expect(try await users.profile(userID: "a") == profile)
        }
    }

    @Test("a session is active until revoked, and a disabled account has none", arguments: StorageBackend.available)
    func activeSessions(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let users = SQLUserRepository(store: store), sessions = SQLSessionRepository(store: store)
            try await users.create(Self.user("a"))
            try await sessions.startSession(Self.token("h1", user: "a", session: "s1"))
            try await sessions.startSession(Self.token("h2", user: "a", session: "s2"))
            #expect(try await users.activeUser(id: "a", sessionID: "s1") != nil)
            #expect(try await users.activeUser(id: "a", sessionID: "unknown") == nil)
            try await sessions.revokeSessions(userID: "a", keeping: "s2", at: Self.now)
            #expect(try await users.activeUser(id: "a", sessionID: "s1") == nil)
            #expect(try await users.activeUser(id: "a", sessionID: "s2") != nil)
            var disabled = try #require(try await users.user(id: "a"))
            disabled.isDisabled = true
            try await users.update(disabled)
            #expect(try await users.activeUser(id: "a", sessionID: "s2") == nil)
        }
    }

    @Test("a refresh token rotates once; its replay revokes the session", arguments: StorageBackend.available)
    func refreshRotation(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let users = SQLUserRepository(store: store), sessions = SQLSessionRepository(store: store)
            try await users.create(Self.user("a"))
            try await sessions.startSession(Self.token("first", user: "a", session: "s1"))
            let next = Self.token("second", user: "", session: "")
            #expect(try await sessions.rotate(tokenHash: "first", next: next, at: Self.now) == .rotated(userID: "a", sessionID: "s1"))
            #expect(try await sessions.rotate(tokenHash: "first", next: Self.token("third", user: "", session: ""), at: Self.now) == .reused)
            // The whole family is gone: the newest token no longer works either.
            #expect(try await sessions.rotate(tokenHash: "second", next: Self.token("fourth", user: "", session: ""), at: Self.now) == .invalid)
            #expect(try await users.activeUser(id: "a", sessionID: "s1") == nil)
            #expect(try await sessions.rotate(tokenHash: "never-issued", next: Self.token("x", user: "", session: ""), at: Self.now) == .invalid)
        }
    }

    @Test("an expired refresh token does not rotate", arguments: StorageBackend.available)
    func expiredRefresh(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let sessions = SQLSessionRepository(store: store)
            try await sessions.startSession(Self.token("old", user: "a", session: "s1", expires: -1))
            #expect(try await sessions.rotate(tokenHash: "old", next: Self.token("new", user: "", session: ""), at: Self.now) == .invalid)
        }
    }

    @Test("a one-time token works once, for its purpose, before it expires", arguments: StorageBackend.available)
    func oneTimeTokens(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let sessions = SQLSessionRepository(store: store)
            try await sessions.addOneTimeToken(OneTimeTokenRecord(tokenHash: "t1", userID: "a", purpose: .verifyEmail, expiresAt: Self.now.addingTimeInterval(60)))
            try await sessions.addOneTimeToken(OneTimeTokenRecord(tokenHash: "t2", userID: "a", purpose: .resetPassword, expiresAt: Self.now.addingTimeInterval(60)))
            #expect(try await sessions.consumeOneTimeToken(hash: "t1", purpose: .resetPassword, at: Self.now) == nil)
            #expect(try await sessions.consumeOneTimeToken(hash: "t1", purpose: .verifyEmail, at: Self.now) == "a")
            #expect(try await sessions.consumeOneTimeToken(hash: "t1", purpose: .verifyEmail, at: Self.now) == nil)
            #expect(try await sessions.consumeOneTimeToken(hash: "t2", purpose: .resetPassword, at: Self.now.addingTimeInterval(61)) == nil)
        }
    }

    @Test("a TOTP step and a recovery code are each accepted once", arguments: StorageBackend.available)
    func secondFactorsAreSingleUse(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let users = SQLUserRepository(store: store)
            try await users.create(Self.user("a"))
            try await users.saveTOTP(TOTPEnrollment(sealedSecret: "sealed", confirmedAt: Self.now, lastUsedStep: nil), userID: "a")
            #expect(try await users.useTOTPStep(100, userID: "a"))
            #expect(try await !users.useTOTPStep(100, userID: "a"))
            #expect(try await !users.useTOTPStep(99, userID: "a"))
            #expect(try await users.useTOTPStep(101, userID: "a"))
            try await users.replaceRecoveryCodes(["r1", "r2"], userID: "a")
            #expect(try await users.useRecoveryCode(hash: "r1", userID: "a", at: Self.now))
            #expect(try await !users.useRecoveryCode(hash: "r1", userID: "a", at: Self.now))
            #expect(try await users.unusedRecoveryCodeCount(userID: "a") == 1)
            try await users.saveTOTP(nil, userID: "a")
            #expect(try await users.totp(userID: "a") == nil)
            #expect(try await users.unusedRecoveryCodeCount(userID: "a") == 0)
        }
    }

    @Test("saved searches conflict by name (any case) and by matching key, per user", arguments: StorageBackend.available)
    func savedSearchConflicts(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let searches = SQLSavedSearchRepository(store: store)
            let event = DomainEvent(topic: "search.saved", payload: Data("{}".utf8), occurredAt: Self.now)
            func search(_ id: String, user: String, name: String, key: String) -> SavedSearch {
                SavedSearch(id: id, userID: user, name: name, query: key, matchingKey: key, alertEnabled: true, alertFrequency: .daily,
                            alertWatermark: 0, lastAlertedAt: nil, createdAt: Self.now, updatedAt: Self.now)
            }
            try await searches.create(search("1", user: "a", name: "Swift", key: "q=swift"), event: event)
            await #expect(throws: DomainError.conflict("You already have a saved search named \"SWIFT\".")) {
                try await searches.create(search("2", user: "a", name: "SWIFT", key: "q=rust"), event: event)
            }
            await #expect(throws: DomainError.conflict("You already have a saved search with the same query.")) {
                try await searches.create(search("3", user: "a", name: "Other", key: "q=swift"), event: event)
            }
            try await searches.create(search("4", user: "b", name: "Swift", key: "q=swift"), event: event)
            #expect(try await searches.search(id: "1", userID: "b") == nil)
            #expect(try await !searches.delete(id: "1", userID: "b"))
            #expect(try await SQLEventOutbox(store: store).recent(limit: 10).filter { $0.event.topic == "search.saved" }.count == 2)
        }
    }

    @Test("a search is due for alerts once its interval has passed, and its watermark only moves forward", arguments: StorageBackend.available)
    func alertsAreDueByFrequency(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let searches = SQLSavedSearchRepository(store: store)
            let event = DomainEvent(topic: "search.saved", payload: Data("{}".utf8), occurredAt: Self.now)
            try await searches.create(SavedSearch(id: "d", userID: "a", name: "Daily", query: "q=a", matchingKey: "q=a", alertEnabled: true,
                                                  alertFrequency: .daily, alertWatermark: 5, lastAlertedAt: nil, createdAt: Self.now, updatedAt: Self.now), event: event)
            #expect(try await searches.dueForAlert(frequency: .daily, now: Self.now).map(\.id) == ["d"])
            try await searches.markAlerted(ids: ["d"], watermark: 9, at: Self.now)
            #expect(try await searches.dueForAlert(frequency: .daily, now: Self.now.addingTimeInterval(3_600)).isEmpty)
            try await searches.markAlerted(ids: ["d"], watermark: 7, at: Self.now)
            let due = try await searches.dueForAlert(frequency: .daily, now: Self.now.addingTimeInterval(86_400))
            #expect(due.map(\.alertWatermark) == [9])
            #expect(try await searches.disableAlert(id: "d"))
            #expect(try await searches.dueForAlert(frequency: .daily, now: Self.now.addingTimeInterval(86_400 * 2)).isEmpty)
        }
    }

    @Test("attempts count within a window and start over after it", arguments: StorageBackend.available)
    func attemptWindows(backend: StorageBackend) async throws {
        try await backend.withTwoStores { first, second in
            let a = SQLAttemptCounter(store: first), b = SQLAttemptCounter(store: second)
            #expect(try await a.record(key: "k", window: 60, now: Self.now).count == 1)
            #expect(try await b.record(key: "k", window: 60, now: Self.now.addingTimeInterval(10)).count == 2)
            #expect(try await a.count(key: "k", now: Self.now.addingTimeInterval(20)).count == 2)
            #expect(try await a.count(key: "k", now: Self.now.addingTimeInterval(61)).count == 0)
            #expect(try await b.record(key: "k", window: 60, now: Self.now.addingTimeInterval(61)).count == 1)
            try await a.reset(key: "k")
            #expect(try await b.count(key: "k", now: Self.now.addingTimeInterval(62)).count == 0)
        }
    }

    @Test("deleting an account deletes everything it owns", arguments: StorageBackend.available)
    func deleteCascades(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let users = SQLUserRepository(store: store), keys = SQLAPIKeyRepository(store: store)
            let searches = SQLSavedSearchRepository(store: store)
            try await users.create(Self.user("a"))
            try await users.create(Self.user("b"))
            for owner in ["a", "b"] {
                try await keys.create(APIKey(id: "key-\(owner)", userID: owner, name: "k", prefix: "p\(owner)", secretHash: "h",
                                             ratePerSecond: 10, createdAt: Self.now, lastUsedAt: nil))
                try await searches.create(SavedSearch(id: "s-\(owner)", userID: owner, name: "n", query: "q", matchingKey: "q",
                                                      alertEnabled: true, alertFrequency: .instant, alertWatermark: 0, lastAlertedAt: nil,
                                                      createdAt: Self.now, updatedAt: Self.now),
                                          event: DomainEvent(topic: "search.saved", payload: Data("{}".utf8), occurredAt: Self.now))
            }
            #expect(try await users.delete(id: "a"))
            #expect(try await users.user(id: "a") == nil)
            #expect(try await keys.keys(userID: "a").isEmpty)
            #expect(try await searches.searches(userID: "a").isEmpty)
            #expect(try await keys.key(prefix: "pb") != nil)
            #expect(try await searches.searches(userID: "b").count == 1)
            #expect(try await !users.delete(id: "a"))
        }
    }

    @Test("new postings come in the order first stored, and an update does not make a posting new", arguments: StorageBackend.available)
    func newPostingsInStoredOrder(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let repository = SQLJobPostingRepository(store: store)
            #expect(try await repository.latestRowID() == 0)
            _ = try await repository.upsert([JobPostingRepositoryContractTests.posting("1"), JobPostingRepositoryContractTests.posting("2")])
            let watermark = try await repository.latestRowID()
            _ = try await repository.upsert([JobPostingRepositoryContractTests.posting("1", title: "Changed"), JobPostingRepositoryContractTests.posting("3")])
            let fresh = try await repository.postings(storedAfter: watermark, limit: 10)
            #expect(fresh.map(\.posting.jobID) == ["test#3"])
            #expect(try await repository.postings(storedAfter: 0, limit: 2).map(\.posting.jobID) == ["test#1", "test#2"])
        }
    }

    @Test("a saved job is kept once per user, listed newest first, and removed", arguments: StorageBackend.available)
    func savedJobs(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let saved = SQLSavedJobRepository(store: store)
            try await saved.save(jobID: "a", userID: "u", at: Self.now)
            try await saved.save(jobID: "b", userID: "u", at: Self.now.addingTimeInterval(10))
            try await saved.save(jobID: "a", userID: "u", at: Self.now.addingTimeInterval(20))
            #expect(try await saved.savedJobs(userID: "u", limit: 10).map(\.jobID) == ["b", "a"])
            #expect(try await saved.isSaved(jobID: "a", userID: "u"))
            #expect(try await !saved.isSaved(jobID: "a", userID: "other"))
            #expect(try await !saved.remove(jobID: "a", userID: "other"))
            #expect(try await saved.remove(jobID: "a", userID: "u"))
            #expect(try await saved.savedJobs(userID: "u", limit: 10).map(\.jobID) == ["b"])
        }
    }
}

import Domain
import Foundation

/// The signed-in user's own account: profile, deletion, export.
public struct ProfileService: Sendable {
    let users: any UserRepository
    let keys: any APIKeyRepository
    let searches: any SavedSearchRepository
    let savedJobs: any SavedJobRepository
    let clock: any WallClock

    public init(users: any UserRepository, keys: any APIKeyRepository, searches: any SavedSearchRepository,
                savedJobs: any SavedJobRepository, clock: any WallClock) {
        self.users = users
        self.keys = keys
        self.searches = searches
        self.savedJobs = savedJobs
        self.clock = clock
    }

    public func profile(actor: Actor) async throws -> (user: User, profile: UserProfile, mfaEnabled: Bool) {
        guard let user = try await users.user(id: actor.userID) else { throw DomainError.notFound("The account is gone.") }
        let mfa = try await users.totp(userID: user.id)?.confirmedAt != nil
        return (user, try await users.profile(userID: user.id), mfa)
    }

    /// Applies a change; a desired salary always needs a currency.
    public func update(actor: Actor, change: ProfileChange) async throws -> (user: User, profile: UserProfile, mfaEnabled: Bool) {
        guard var user = try await users.user(id: actor.userID) else { throw DomainError.notFound("The account is gone.") }
        var profile = try await users.profile(userID: user.id)
        change.apply(&profile)
        if profile.desiredSalary != nil, profile.salaryCurrency == nil {
            throw DomainError.invalid("The profile is not valid.",
                                      fieldErrors: [FieldError(field: "salary_currency", message: "is required with desired_salary")])
        }
        let now = clock.now()
        profile.updatedAt = now
        if let name = change.name, name != user.name {
            user.name = name
            user.updatedAt = now
            try await users.update(user)
        }
        try await users.saveProfile(profile, userID: user.id)
        return try await self.profile(actor: actor)
    }

    /// Deletes the account and everything it owns.
    public func deleteAccount(actor: Actor) async throws {
        guard try await users.delete(id: actor.userID) else { throw DomainError.notFound("The account is gone.") }
    }

    /// Everything Wayfinder keeps about the user, for the user (secrets and their hashes excepted).
    public func export(actor: Actor) async throws -> AccountExport {
        let (user, profile, mfa) = try await profile(actor: actor)
        return AccountExport(
            user: user, profile: profile, mfaEnabled: mfa, apiKeys: try await keys.keys(userID: user.id),
            savedSearches: try await searches.searches(userID: user.id),
            savedJobs: try await savedJobs.savedJobs(userID: user.id, limit: 10_000).map { SavedJob(jobID: $0.jobID, savedAt: $0.savedAt) },
            exportedAt: clock.now()
        )
    }
}

public struct AccountExport: Sendable {
    public var user: User
    public var profile: UserProfile
    public var mfaEnabled: Bool
    public var apiKeys: [APIKey]
    public var savedSearches: [SavedSearch]
    public var savedJobs: [SavedJob]
    public var exportedAt: Date
}

/// A posting a user saved, by its id.
public struct SavedJob: Sendable, Equatable {
    public var jobID: String
    public var savedAt: Date
}

import Accounts
import Domain
import Foundation

struct TokenPairBody: Encodable {
    var pair: TokenPair

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", refreshToken = "refresh_token", tokenType = "token_type", expiresIn = "expires_in"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pair.accessToken, forKey: .accessToken)
        try container.encode(pair.refreshToken, forKey: .refreshToken)
        try container.encode(pair.tokenType, forKey: .tokenType)
        try container.encode(pair.expiresIn, forKey: .expiresIn)
    }
}

struct ChallengeBody: Encodable {
    var challenge = "totp"
    var challengeToken: String
    private enum CodingKeys: String, CodingKey { case challenge, challengeToken = "challenge_token" }
}

struct MessageBody: Encodable {
    var message: String
}

/// The signed-in user's account and profile in one object.
struct ProfileBody: Encodable {
    var user: User
    var profile: UserProfile
    var mfaEnabled: Bool

    private enum CodingKeys: String, CodingKey {
        case id, email, name, groups, emailVerified = "email_verified", mfaEnabled = "mfa_enabled"
        case headline, location, remotePreference = "remote_preference", desiredSalary = "desired_salary"
        case salaryCurrency = "salary_currency", skills, careerStage = "career_stage", preferences
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user.id, forKey: .id)
        try container.encode(user.email, forKey: .email)
        try container.encode(user.name, forKey: .name)
        try container.encode(user.groups.sorted().map(\.rawValue), forKey: .groups)
        try container.encode(user.isVerified, forKey: .emailVerified)
        try container.encode(mfaEnabled, forKey: .mfaEnabled)
        try container.encode(profile.headline, forKey: .headline)
        try container.encode(profile.location, forKey: .location)
        try container.encode(profile.remotePreference?.rawValue, forKey: .remotePreference)
        try container.encode(profile.desiredSalary, forKey: .desiredSalary)
        try container.encode(profile.salaryCurrency, forKey: .salaryCurrency)
        try container.encode(profile.skills, forKey: .skills)
        try container.encode(profile.careerStage?.rawValue, forKey: .careerStage)
        try container.encode(profile.preferences, forKey: .preferences)
        try container.encode(user.createdAt, forKey: .createdAt)
        try container.encode(max(user.updatedAt, profile.updatedAt ?? user.updatedAt), forKey: .updatedAt)
    }
}

/// An account as administrators see it.
struct AdminUserBody: Encodable {
    var user: User

    private enum CodingKeys: String, CodingKey {
        case id, email, name, groups, disabled, emailVerified = "email_verified", external = "external_identity"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user.id, forKey: .id)
        try container.encode(user.email, forKey: .email)
        try container.encode(user.name, forKey: .name)
        try container.encode(user.groups.sorted().map(\.rawValue), forKey: .groups)
        try container.encode(user.isDisabled, forKey: .disabled)
        try container.encode(user.isVerified, forKey: .emailVerified)
        try container.encode(user.externalSubject != nil, forKey: .external)
        try container.encode(user.createdAt, forKey: .createdAt)
        try container.encode(user.updatedAt, forKey: .updatedAt)
    }
}

/// An API key without its secret; `secret` is filled only in the answer that creates it.
struct APIKeyBody: Encodable {
    var key: APIKey
    var secret: String?

    private enum CodingKeys: String, CodingKey {
        case id, name, prefix, secret, rateLimit = "rate_limit_per_second", createdAt = "created_at", lastUsedAt = "last_used_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key.id, forKey: .id)
        try container.encode(key.name, forKey: .name)
        try container.encode(key.prefix, forKey: .prefix)
        try container.encodeIfPresent(secret, forKey: .secret)
        try container.encode(key.ratePerSecond, forKey: .rateLimit)
        try container.encode(key.createdAt, forKey: .createdAt)
        try container.encode(key.lastUsedAt, forKey: .lastUsedAt)
    }
}

struct SavedSearchBody: Encodable {
    var search: SavedSearch

    private enum CodingKeys: String, CodingKey {
        case id, name, query, alertEnabled = "alert_enabled", alertFrequency = "alert_frequency"
        case lastAlertedAt = "last_alerted_at", createdAt = "created_at", updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(search.id, forKey: .id)
        try container.encode(search.name, forKey: .name)
        try container.encode(search.query, forKey: .query)
        try container.encode(search.alertEnabled, forKey: .alertEnabled)
        try container.encode(search.alertFrequency.rawValue, forKey: .alertFrequency)
        try container.encode(search.lastAlertedAt, forKey: .lastAlertedAt)
        try container.encode(search.createdAt, forKey: .createdAt)
        try container.encode(search.updatedAt, forKey: .updatedAt)
    }
}

struct ExportBody: Encodable {
    var export: AccountExport

    private enum CodingKeys: String, CodingKey {
        case account, apiKeys = "api_keys", savedSearches = "saved_searches", savedJobs = "saved_jobs", exportedAt = "exported_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ProfileBody(user: export.user, profile: export.profile, mfaEnabled: export.mfaEnabled), forKey: .account)
        try container.encode(export.apiKeys.map { APIKeyBody(key: $0) }, forKey: .apiKeys)
        try container.encode(export.savedSearches.map(SavedSearchBody.init), forKey: .savedSearches)
        try container.encode(export.savedJobs.map { SavedJobBody(jobID: $0.jobID, savedAt: $0.savedAt) }, forKey: .savedJobs)
        try container.encode(export.exportedAt, forKey: .exportedAt)
    }
}

/// The account export as `GET /api/v1/users/me/export` answers it, for the web app's download too.
public enum AccountExportDocument {
    public static func encode(_ export: AccountExport) throws -> Data {
        try JSONEncoder.api.encode(ExportBody(export: export))
    }
}

/// A saved posting: its id, when it was saved, and (in lists) what it is now.
struct SavedJobBody: Encodable {
    var jobID: String
    var savedAt: Date
    var title: String?
    var company: String?
    var location: String?
    var status: String?

    private enum CodingKeys: String, CodingKey {
        case jobID = "job_id", savedAt = "saved_at", title, company, location, status
    }
}

import Foundation

/// One refresh token of a sign-in session. Tokens of one sign-in form a family: each refresh
/// rotates the token, and presenting a rotated token again revokes the whole family.
public struct RefreshTokenRecord: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var familyID: String
    public var tokenHash: String
    public var createdAt: Date
    public var expiresAt: Date
    /// When this token was exchanged for the next one.
    public var rotatedAt: Date?
    public var revokedAt: Date?

    public init(id: String, userID: String, familyID: String, tokenHash: String, createdAt: Date, expiresAt: Date,
                rotatedAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.familyID = familyID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.rotatedAt = rotatedAt
        self.revokedAt = revokedAt
    }
}

/// What a mailed single-use token is for.
public enum OneTimePurpose: String, Sendable {
    case verifyEmail = "verify_email"
    case resetPassword = "reset_password"
}

public struct OneTimeTokenRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userID: String
    public var purpose: OneTimePurpose
    public var expiresAt: Date
    public var usedAt: Date?

    public init(tokenHash: String, userID: String, purpose: OneTimePurpose, expiresAt: Date, usedAt: Date? = nil) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.purpose = purpose
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

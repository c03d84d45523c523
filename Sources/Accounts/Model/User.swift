import Domain
import Foundation

/// An account: who someone is, how they prove it, and what they may do.
public struct User: Sendable, Equatable {
    public var id: String
    /// Lower-cased; unique.
    public var email: String
    public var name: String
    /// Bcrypt; nil for accounts that only sign in through an external identity provider.
    public var passwordHash: String?
    public var groups: Set<UserGroup>
    public var isDisabled: Bool
    public var emailVerifiedAt: Date?
    /// `issuer|sub` of an external identity provider's user, when the account came from one.
    public var externalSubject: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, email: String, name: String, passwordHash: String?, groups: Set<UserGroup> = [.candidate],
        isDisabled: Bool = false, emailVerifiedAt: Date? = nil, externalSubject: String? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.groups = groups
        self.isDisabled = isDisabled
        self.emailVerifiedAt = emailVerifiedAt
        self.externalSubject = externalSubject
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var isVerified: Bool { emailVerifiedAt != nil }

    public var actor: Actor { Actor(userID: id, groups: groups) }
}

/// TOTP enrolment of one account: the secret is sealed (AES-GCM) at rest because checking a code needs it.
public struct TOTPEnrollment: Sendable, Equatable {
    public var sealedSecret: String
    /// Nil until the first code confirms the authenticator holds the secret; MFA is on from then.
    public var confirmedAt: Date?
    /// The last time step a code was accepted for: a code is accepted once, and never an older one.
    public var lastUsedStep: Int64?

    public init(sealedSecret: String, confirmedAt: Date?, lastUsedStep: Int64?) {
        self.sealedSecret = sealedSecret
        self.confirmedAt = confirmedAt
        self.lastUsedStep = lastUsedStep
    }
}

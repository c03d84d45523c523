import Domain
import Foundation
import Platform
import Synchronization

/// Sign-up, verification, sign-in, sessions, passwords and second factors: the identity service.
///
/// Answers never tell a stranger whether an email has an account: sign-up of a known email answers
/// like a new one (and mails the owner), a reset request is always accepted, and a failed sign-in
/// says only that the email or password is wrong, after the same Bcrypt work either way.
public struct IdentityService: Sendable {
    public static let accessTokenLifetime: TimeInterval = 3_600
    public static let refreshTokenLifetime: TimeInterval = 30 * 86_400
    public static let verificationLifetime: TimeInterval = 86_400
    public static let resetLifetime: TimeInterval = 3_600
    public static let challengeLifetime: TimeInterval = 300

    let users: any UserRepository
    let sessions: any SessionRepository
    let signer: TokenSigner
    let mailer: any AccountMailer
    let mails: AccountMails
    let throttle: AttemptThrottle
    let secretBox: SecretBox
    let clock: any WallClock
    /// An OpenID Connect issuer whose tokens are accepted besides Wayfinder's own.
    let externalProvider: ExternalIdentityProvider?
    let passwordPolicy = PasswordPolicy()
    let passwords: any PasswordHasher
    /// A hash to check unknown emails against, so they cost the same time as known ones. Made at the
    /// first sign-in that needs it: a Bcrypt hash at start-up delayed every server's readiness.
    private let decoy = DecoyHash()
    var decoyHash: String { decoy.value { passwords.hash(SecretToken.generate(bytes: 16)) } }

    public init(
        users: any UserRepository, sessions: any SessionRepository, signer: TokenSigner, mailer: any AccountMailer,
        mails: AccountMails, throttle: AttemptThrottle, secretBox: SecretBox, clock: any WallClock, passwords: any PasswordHasher,
        externalProvider: ExternalIdentityProvider? = nil
    ) {
        self.externalProvider = externalProvider
        self.users = users
        self.sessions = sessions
        self.signer = signer
        self.mailer = mailer
        self.mails = mails
        self.throttle = throttle
        self.secretBox = secretBox
        self.clock = clock
        self.passwords = passwords
    }

    /// Creates an unverified account and mails its verification link; for a known email, mails the
    /// owner instead. Either way the caller learns only that a mail went out.
    public func signUp(email rawEmail: String, password: String, name rawName: String, address: String?) async throws {
        var errors: [FieldError] = []
        let email = EmailAddress.normalize(rawEmail)
        if let problem = EmailAddress.problem(with: email) { errors.append(FieldError(field: "email", message: problem)) }
        let name = rawName.trimmingWhitespace()
        if name.isEmpty || name.count > 100 { errors.append(FieldError(field: "name", message: "must be 1 to 100 characters")) }
        errors += passwordPolicy.problems(with: password).map { FieldError(field: "password", message: $0) }
        guard errors.isEmpty else { throw DomainError.invalid("The sign-up is not valid.", fieldErrors: errors) }
        try await throttle.consume(.signUp, account: nil, address: address)

        let hash = await passwords.hashOffTheEventLoop(password)
        if let existing = try await users.user(email: email) {
            try await mailer.send(mails.signUpAttempt(to: existing))
            return
        }
        let now = clock.now()
        let user = User(id: SecretToken.identifier(), email: email, name: name, passwordHash: hash, createdAt: now, updatedAt: now)
        do {
            try await users.create(user)
        } catch DomainError.conflict {
            // Another request created the same email a moment ago: answer as for any known email.
            return
        }
        try await sendVerification(to: user)
    }

    /// Marks the account's email verified with a mailed token (single use, 24 hours).
    public func verify(token: String, address: String?) async throws {
        try await throttle.check(.verify, account: nil, address: address)
        guard let userID = try await sessions.consumeOneTimeToken(hash: SecretToken.digest(token), purpose: .verifyEmail, at: clock.now()),
              var user = try await users.user(id: userID)
        else {
            try await throttle.recordFailure(.verify, account: nil, address: address)
            throw DomainError.badRequest("The verification token is invalid, used or expired.",
                                         fieldErrors: [FieldError(field: "token", message: "is invalid, used or expired")])
        }
        if user.emailVerifiedAt == nil {
            user.emailVerifiedAt = clock.now()
            user.updatedAt = clock.now()
            try await users.update(user)
        }
    }

    /// Sends a fresh verification mail to an unverified account; silent for any other email.
    public func resendVerification(email rawEmail: String, address: String?) async throws {
        let email = EmailAddress.normalize(rawEmail)
        try await throttle.consume(.resend, account: email, address: address)
        guard let user = try await users.user(email: email), !user.isVerified, !user.isDisabled else { return }
        try await sendVerification(to: user)
    }

    private func sendVerification(to user: User) async throws {
        let token = try await issueOneTimeToken(for: user, purpose: .verifyEmail, lifetime: Self.verificationLifetime)
        try await mailer.send(mails.verification(to: user, token: token))
    }

    /// A new single-use token for a mailed link; earlier unused ones of the same purpose stop working.
    func issueOneTimeToken(for user: User, purpose: OneTimePurpose, lifetime: TimeInterval) async throws -> String {
        let now = clock.now()
        try await sessions.expireOneTimeTokens(userID: user.id, purpose: purpose, at: now)
        let token = SecretToken.generate()
        try await sessions.addOneTimeToken(OneTimeTokenRecord(
            tokenHash: SecretToken.digest(token), userID: user.id, purpose: purpose, expiresAt: now.addingTimeInterval(lifetime)
        ))
        return token
    }
}

/// What a successful sign-in hands the client.
public struct TokenPair: Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String
    public var expiresIn: Int
    public var tokenType: String { "Bearer" }
}

/// A sign-in either ends with tokens or asks for the second factor.
public enum SignInOutcome: Sendable, Equatable {
    case tokens(TokenPair)
    case totpChallenge(token: String)
}

/// A value made once, when first asked for.
final class DecoyHash: Sendable {
    private let made = Mutex<String?>(nil)

    func value(_ make: () -> String) -> String {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

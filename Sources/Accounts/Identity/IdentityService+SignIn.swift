import Domain
import Foundation
import Platform

extension IdentityService {
    /// Checks the password; answers tokens, or a challenge when the account has TOTP on.
    public func signIn(email rawEmail: String, password: String, address: String?) async throws -> SignInOutcome {
        let email = EmailAddress.normalize(rawEmail)
        try await throttle.check(.signIn, account: email, address: address)
        let user = try await users.user(email: email)
        // Unknown emails and external-only accounts cost one Bcrypt check too, so timing tells nothing.
        let matches = await passwords.verifyOffTheEventLoop(password, hash: user?.passwordHash ?? decoyHash)
        guard let user, user.passwordHash != nil, matches else {
            try await throttle.recordFailure(.signIn, account: email, address: address)
            throw DomainError.unauthorized("The email or password is wrong.")
        }
        try await throttle.recordSuccess(.signIn, account: email)
        guard !user.isDisabled else { throw DomainError.forbidden("This account is disabled. Contact an administrator.") }
        guard user.isVerified else {
            throw DomainError.forbidden("Confirm your email address before signing in: follow the link we mailed you, or ask for a new one with POST /api/v1/auth/verify/resend.")
        }
        if let totp = try await users.totp(userID: user.id), totp.confirmedAt != nil {
            let challenge = try await signer.sign(.mfaChallenge, subject: user.id, lifetime: Self.challengeLifetime)
            return .totpChallenge(token: challenge)
        }
        return .tokens(try await startSession(for: user))
    }

    /// Finishes a sign-in that was challenged for TOTP, with a current code or a recovery code.
    public func completeTOTPSignIn(challengeToken: String, code: String, address: String?) async throws -> TokenPair {
        let claims = try await signer.verify(challengeToken, use: .mfaChallenge)
        let userID = claims.sub.value
        try await throttle.check(.mfa, account: userID, address: address)
        guard let user = try await users.user(id: userID), !user.isDisabled,
              try await acceptSecondFactor(code, userID: userID, allowRecoveryCode: true)
        else {
            try await throttle.recordFailure(.mfa, account: userID, address: address)
            throw DomainError.unauthorized("The code is wrong or was already used.")
        }
        try await throttle.recordSuccess(.mfa, account: userID)
        return try await startSession(for: user)
    }

    /// Exchanges a refresh token for a new pair. Presenting a token that was already exchanged
    /// revokes its whole session: either the client or a thief holds a stale copy.
    public func refresh(token: String) async throws -> TokenPair {
        let now = clock.now()
        let nextToken = SecretToken.generate()
        let next = RefreshTokenRecord(
            id: SecretToken.identifier(), userID: "", familyID: "", tokenHash: SecretToken.digest(nextToken),
            createdAt: now, expiresAt: now.addingTimeInterval(Self.refreshTokenLifetime)
        )
        switch try await sessions.rotate(tokenHash: SecretToken.digest(token), next: next, at: now) {
        case .invalid:
            throw DomainError.unauthorized("The refresh token is not valid.")
        case .reused:
            throw DomainError.unauthorized("The refresh token was already used; its session has been revoked. Sign in again.")
        case .rotated(let userID, let sessionID):
            guard let user = try await users.activeUser(id: userID, sessionID: sessionID) else {
                throw DomainError.unauthorized("The account is disabled or gone.")
            }
            let access = try await signer.sign(
                .access, subject: user.id, lifetime: Self.accessTokenLifetime, email: user.email, groups: user.groups,
                sessionID: sessionID
            )
            return TokenPair(accessToken: access, refreshToken: nextToken, expiresIn: Int(Self.accessTokenLifetime))
        }
    }

    /// Ends a session: the caller's own (from its access token) and/or the one a refresh token belongs to.
    public func signOut(sessionID: String?, refreshToken: String?) async throws {
        let now = clock.now()
        if let sessionID { try await sessions.revokeSession(id: sessionID, at: now) }
        if let refreshToken, !(try await sessions.revokeSession(tokenHash: SecretToken.digest(refreshToken), at: now)), sessionID == nil {
            throw DomainError.unauthorized("The refresh token is not valid.")
        }
    }

    func startSession(for user: User) async throws -> TokenPair {
        let now = clock.now()
        let sessionID = SecretToken.identifier()
        let refreshToken = SecretToken.generate()
        try await sessions.startSession(RefreshTokenRecord(
            id: SecretToken.identifier(), userID: user.id, familyID: sessionID, tokenHash: SecretToken.digest(refreshToken),
            createdAt: now, expiresAt: now.addingTimeInterval(Self.refreshTokenLifetime)
        ))
        let access = try await signer.sign(
            .access, subject: user.id, lifetime: Self.accessTokenLifetime, email: user.email, groups: user.groups,
            sessionID: sessionID
        )
        return TokenPair(accessToken: access, refreshToken: refreshToken, expiresIn: Int(Self.accessTokenLifetime))
    }
}

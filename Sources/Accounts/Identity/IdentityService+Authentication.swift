import Domain
import Foundation

/// Who a request's bearer token says it is, after every check.
public struct Authenticated: Sendable, Equatable {
    public var actor: Actor
    /// The session of a Wayfinder access token (nil for an external provider's token).
    public var sessionID: String?
    /// The account's display name, read with the account, so pages need not read it again.
    public var name: String = ""
}

extension IdentityService {
    /// Verifies an access token (Wayfinder's own, or the configured identity provider's) and that its
    /// account is still enabled and its session not revoked; `DomainError.unauthorized` otherwise.
    public func authenticate(bearer token: String) async throws -> Authenticated {
        if let externalProvider, let issuer = TokenSigner.issuer(of: token), issuer != TokenSigner.issuer {
            return try await authenticateExternal(token, provider: externalProvider)
        }
        let claims = try await signer.verify(token, use: .access)
        guard let sessionID = claims.sid, let user = try await users.activeUser(id: claims.sub.value, sessionID: sessionID) else {
            throw DomainError.unauthorized("The session has ended. Sign in again.")
        }
        return Authenticated(actor: user.actor, sessionID: sessionID, name: user.name)
    }

    /// The user of a browser session cookie (which holds the session's refresh token, never exchanged
    /// by a browser); `DomainError.unauthorized` when the session ended.
    public func authenticate(sessionToken: String) async throws -> Authenticated {
        guard let (userID, sessionID) = try await sessions.currentSession(tokenHash: SecretToken.digest(sessionToken), at: clock.now()),
              let user = try await users.activeUser(id: userID, sessionID: sessionID)
        else { throw DomainError.unauthorized("The session has ended. Sign in again.") }
        return Authenticated(actor: user.actor, sessionID: sessionID, name: user.name)
    }

    /// An external identity is mapped to a local account on first sight (by issuer and subject), and
    /// its groups follow the provider's on every request.
    private func authenticateExternal(_ token: String, provider: ExternalIdentityProvider) async throws -> Authenticated {
        let identity = try await provider.verify(token)
        let subject = "\(provider.configuration.issuer)|\(identity.subject)"
        let groups = identity.groups.isEmpty ? [UserGroup.candidate] : identity.groups
        let now = clock.now()
        if var user = try await users.user(externalSubject: subject) {
            guard !user.isDisabled else { throw DomainError.unauthorized("This account is disabled.") }
            if user.groups != groups {
                user.groups = groups
                user.updatedAt = now
                try await users.update(user)
            }
            return Authenticated(actor: user.actor, sessionID: nil, name: user.name)
        }
        let email = identity.email ?? "\(identity.subject)@users.invalid"
        let user = User(
            id: SecretToken.identifier(), email: email, name: email, passwordHash: nil, groups: groups,
            emailVerifiedAt: identity.email == nil ? nil : now, externalSubject: subject, createdAt: now, updatedAt: now
        )
        do {
            try await users.create(user)
        } catch DomainError.conflict {
            throw DomainError.unauthorized("A local account already uses this email; link it before signing in through the identity provider.")
        }
        return Authenticated(actor: user.actor, sessionID: nil, name: user.name)
    }
}

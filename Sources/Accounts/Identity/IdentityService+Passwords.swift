import Domain
import Foundation

extension IdentityService {
    /// Mails a reset link when the email has a password account. Always accepted: the answer is
    /// the same whether or not the email is known.
    public func forgotPassword(email rawEmail: String, address: String?) async throws {
        let email = EmailAddress.normalize(rawEmail)
        try await throttle.consume(.forgot, account: nil, address: address)
        do {
            // Per account, quietly: a mailbox gets a few reset mails an hour, however often it is asked.
            try await throttle.consume(.forgot, account: email, address: nil)
        } catch DomainError.tooManyRequests {
            return
        }
        guard let user = try await users.user(email: email), user.passwordHash != nil, !user.isDisabled else { return }
        let token = try await issueOneTimeToken(for: user, purpose: .resetPassword, lifetime: Self.resetLifetime)
        try await mailer.send(mails.passwordReset(to: user, token: token))
    }

    /// Sets a new password with a mailed reset token, and signs out every session.
    public func resetPassword(token: String, password: String, address: String?) async throws {
        try passwordPolicy.validate(password, field: "password")
        try await throttle.check(.reset, account: nil, address: address)
        let now = clock.now()
        guard let userID = try await sessions.consumeOneTimeToken(hash: SecretToken.digest(token), purpose: .resetPassword, at: now),
              var user = try await users.user(id: userID)
        else {
            try await throttle.recordFailure(.reset, account: nil, address: address)
            throw DomainError.badRequest("The reset token is invalid, used or expired.",
                                         fieldErrors: [FieldError(field: "token", message: "is invalid, used or expired")])
        }
        user.passwordHash = await passwords.hashOffTheEventLoop(password)
        // Following the mailed link proved the mailbox is theirs.
        user.emailVerifiedAt = user.emailVerifiedAt ?? now
        user.updatedAt = now
        try await users.update(user)
        try await sessions.revokeSessions(userID: user.id, keeping: nil, at: now)
        try await throttle.recordSuccess(.signIn, account: user.email)
        try await mailer.send(mails.passwordChanged(to: user))
    }

    /// Changes the password of a signed-in user and signs out every other session.
    public func changePassword(actor: Actor, sessionID: String?, current: String, new: String, address: String?) async throws {
        guard var user = try await users.user(id: actor.userID) else { throw DomainError.unauthorized("The account is gone.") }
        try await throttle.check(.signIn, account: user.email, address: address)
        guard let hash = user.passwordHash, await passwords.verifyOffTheEventLoop(current, hash: hash) else {
            try await throttle.recordFailure(.signIn, account: user.email, address: address)
            throw DomainError.invalid("The current password is wrong.",
                                      fieldErrors: [FieldError(field: "current_password", message: "is not the current password")])
        }
        try passwordPolicy.validate(new, field: "new_password")
        let now = clock.now()
        user.passwordHash = await passwords.hashOffTheEventLoop(new)
        user.updatedAt = now
        try await users.update(user)
        try await sessions.revokeSessions(userID: user.id, keeping: sessionID, at: now)
        try await mailer.send(mails.passwordChanged(to: user))
    }
}

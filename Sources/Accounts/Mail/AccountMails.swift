import Foundation

/// The words of every mail the account flows send. Every link starts with the public base URL.
public struct AccountMails: Sendable {
    public let publicURL: String

    public init(publicURL: String) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    func verification(to user: User, token: String) -> AccountMail {
        let link = "\(publicURL)/verify?token=\(token)"
        return AccountMail(to: user.email, toName: user.name, subject: "Confirm your Wayfinder account", text: """
            Hello \(user.name),

            Confirm your email address to start using Wayfinder:
            \(link)

            Or send this code to POST /api/v1/auth/verify: \(token)

            The link works once and expires in 24 hours. If you did not sign up, ignore this mail.
            """)
    }

    /// Sent instead of a second account when someone signs up with an email that has one, so the
    /// sign-up answer reveals nothing to a stranger while the owner learns what happened.
    func signUpAttempt(to user: User) -> AccountMail {
        AccountMail(to: user.email, toName: user.name, subject: "Someone tried to sign up with your email", text: """
            Hello \(user.name),

            Someone tried to create a Wayfinder account with this email address, which already has one.
            If it was you, sign in at \(publicURL)/signin or reset your password at \(publicURL)/forgot.
            If it was not, you can ignore this mail: nothing about your account changed.
            """)
    }

    func passwordReset(to user: User, token: String) -> AccountMail {
        AccountMail(to: user.email, toName: user.name, subject: "Reset your Wayfinder password", text: """
            Hello \(user.name),

            Choose a new password here:
            \(publicURL)/reset?token=\(token)

            Or send this code with your new password to POST /api/v1/auth/password/reset: \(token)

            The link works once and expires in 1 hour. If you did not ask for it, ignore this mail.
            """)
    }

    func passwordChanged(to user: User) -> AccountMail {
        AccountMail(to: user.email, toName: user.name, subject: "Your Wayfinder password changed", text: """
            Hello \(user.name),

            The password of your Wayfinder account was just changed, and every other session was signed out.
            If this was not you, reset your password at once: \(publicURL)/forgot
            """)
    }
}

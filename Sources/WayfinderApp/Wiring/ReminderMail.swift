import Accounts
import CareerAgent
import Foundation
import Platform
import Storage

/// The reminder of an application's next action, queued as a `send_mail` task to its owner.
struct ReminderMail: Sendable {
    let users: SQLUserRepository
    let queue: MailQueue
    let from: MailAddress
    let publicURL: String

    @Sendable func send(_ application: JobApplication, idempotencyKey: String) async throws {
        guard let user = try await users.user(id: application.userID), !user.isDisabled else { return }
        let link = "\(publicURL)/applications/\(application.id)"
        let action = application.nextAction ?? "Your next step"
        let text = """
            Hello\(user.name.isEmpty ? "" : " \(user.name)"),

            A reminder for your application to \(application.company) (\(application.title)):

            \(action)

            Open it: \(link)

            You get this because you set a reminder date on this application in Wayfinder.
            """
        let message = MailMessage(from: from, to: [MailAddress(user.email, name: user.name.isEmpty ? nil : user.name)],
                                  subject: "Reminder: \(action) – \(application.company)", text: text, html: nil, headers: [])
        _ = try await queue.send(message, idempotencyKey: idempotencyKey)
    }
}

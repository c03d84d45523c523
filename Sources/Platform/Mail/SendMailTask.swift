import Foundation

/// The background task that sends one email: name `send_mail`, payload the `MailMessage` as JSON.
///
/// A failure that may pass (a 4xx reply, a connection that broke) throws as it is, and the queue tries
/// again with backoff. One that will not (a rejected address, wrong credentials, a malformed message)
/// still throws, because only the queue moves a task to the dead letters, but as `SendMailFailure`
/// saying plainly that retrying will not help, so an operator reading the dead letter knows what to
/// fix. The worker pool logs every failure, so the handler logs nothing itself.
public enum SendMailTask {
    public static let name = "send_mail"

    /// The task to enqueue for `message`.
    public static func newTask(_ message: MailMessage, idempotencyKey: String? = nil) throws -> NewTask {
        try NewTask(name: name, json: message, idempotencyKey: idempotencyKey)
    }

    public static func handler(mailer: any Mailer) -> TaskHandler {
        { task in
            let message: MailMessage
            do {
                message = try task.decode(MailMessage.self)
            } catch {
                throw SendMailFailure(messageID: nil, reason: "the payload is not a mail message: \(error)")
            }
            do {
                try await mailer.send(message)
            } catch let error as SMTPError where error.isPermanent {
                throw SendMailFailure(messageID: message.id, reason: error.description)
            } catch let error as MailMessageError {
                throw SendMailFailure(messageID: message.id, reason: error.description)
            }
        }
    }
}

/// A `send_mail` task that cannot succeed as it stands; its description goes into the dead letter.
public struct SendMailFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var messageID: String?
    public var reason: String

    public init(messageID: String?, reason: String) {
        self.messageID = messageID
        self.reason = reason
    }

    public var description: String {
        let message = messageID.map { "mail \($0)" } ?? "a send_mail task"
        return "\(message) failed permanently (retrying will not help): \(reason)"
    }
}

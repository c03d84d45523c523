/// Delivers a message, or throws why it could not. Features never call one inside a request: they
/// enqueue `send_mail` through `MailQueue`, and a worker's `SendMailTask` calls the mailer.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

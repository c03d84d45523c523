/// How features send mail: they enqueue it, and a worker sends it (`SendMailTask`), so a request never
/// waits on a mail server and a server that is down delays mail instead of failing the request.
public struct MailQueue: Sendable {
    private let queue: any TaskQueue

    public init(queue: any TaskQueue) {
        self.queue = queue
    }

    /// Enqueues `send_mail`. With an idempotency key (say, `password-reset:<token id>`) the same mail
    /// is enqueued once however often the caller asks.
    @discardableResult
    public func send(_ message: MailMessage, idempotencyKey: String? = nil) async throws -> EnqueueResult {
        try message.validate()
        return try await queue.enqueue(SendMailTask.newTask(message, idempotencyKey: idempotencyKey))
    }
}

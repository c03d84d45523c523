import Foundation
import Platform
import Testing

@Suite("The send_mail task")
struct SendMailTaskTests {
    /// Records what it is asked to send, or fails the way it is told to.
    final class ScriptedMailer: Mailer, @unchecked Sendable {
        private let lock = NSLock()
        private var sentMessages: [MailMessage] = []
        let failure: (any Error)?

        init(failing failure: (any Error)? = nil) { self.failure = failure }

        var sent: [MailMessage] { lock.withLock { sentMessages } }

        func send(_ message: MailMessage) async throws {
            if let failure { throw failure }
            lock.withLock { sentMessages.append(message) }
        }
    }

    static func claimed(_ payload: Data) -> ClaimedTask {
        ClaimedTask(id: 7, name: SendMailTask.name, payload: payload, receives: 1, lease: "lease", enqueuedAt: Date())
    }

    @Test("the task named send_mail carries the message as JSON and the handler sends it")
    func sends() async throws {
        let message = MailRenderingTests.message(html: "<p>hi</p>")
        let task = try SendMailTask.newTask(message, idempotencyKey: "digest:42")
        #expect(task.name == "send_mail")
        #expect(task.idempotencyKey == "digest:42")
        let mailer = ScriptedMailer()
        try await SendMailTask.handler(mailer: mailer)(Self.claimed(task.payload))
        #expect(mailer.sent == [message])
    }

    @Test("a transient SMTP failure is thrown as it is, so the queue retries it")
    func transient() async throws {
        let failure = SMTPError.rejected(step: "RCPT TO:<ada@example.com>", code: 451, text: "4.7.1 try again later")
        let handler = SendMailTask.handler(mailer: ScriptedMailer(failing: failure))
        let payload = try SendMailTask.newTask(MailRenderingTests.message()).payload
        await #expect(throws: failure) { try await handler(Self.claimed(payload)) }
    }

    @Test("a permanent SMTP failure still throws, saying retrying will not help and what the server said")
    func permanent() async throws {
        let failure = SMTPError.rejected(step: "RCPT TO:<ada@example.com>", code: 550, text: "5.1.1 no such user")
        let handler = SendMailTask.handler(mailer: ScriptedMailer(failing: failure))
        let message = MailRenderingTests.message()
        let error = await #expect(throws: SendMailFailure.self) {
            try await handler(Self.claimed(try SendMailTask.newTask(message).payload))
        }
        #expect(error?.messageID == message.id)
        #expect(error?.description.contains("retrying will not help") == true)
        #expect(error?.description.contains("550 5.1.1 no such user") == true)
    }

    @Test("a payload that is not a message fails with a clear reason")
    func badPayload() async throws {
        let handler = SendMailTask.handler(mailer: ScriptedMailer())
        let error = await #expect(throws: SendMailFailure.self) { try await handler(Self.claimed(Data("{\"to\":1}".utf8))) }
        #expect(error?.description.contains("not a mail message") == true)
    }

    @Test("MailQueue enqueues send_mail with the message and the idempotency key, and refuses an unsendable message")
    func mailQueue() async throws {
        let queue = EnqueueRecorder()
        let mail = MailQueue(queue: queue)
        let message = MailRenderingTests.message()
        try await mail.send(message, idempotencyKey: "welcome:ada")
        let enqueued = try #require(await queue.enqueued.first)
        #expect(enqueued.name == SendMailTask.name)
        #expect(enqueued.idempotencyKey == "welcome:ada")
        #expect(try JSONDecoder().decode(MailMessage.self, from: enqueued.payload) == message)

        var unsendable = message
        unsendable.to = []
        await #expect(throws: MailMessageError.noRecipients) { try await mail.send(unsendable, idempotencyKey: nil) }
        #expect(await queue.enqueued.count == 1)
    }
}

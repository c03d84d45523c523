import Foundation

/// A message an account flow sends; how it travels (a queued task, SMTP, a file) is not its concern.
public struct AccountMail: Sendable, Equatable {
    public var to: String
    public var toName: String?
    public var subject: String
    public var text: String
    public var html: String?
    public var headers: [String: String]
    /// Keeps a retried use case from sending the same mail twice.
    public var idempotencyKey: String?

    public init(to: String, toName: String? = nil, subject: String, text: String, html: String? = nil,
                headers: [String: String] = [:], idempotencyKey: String? = nil) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.text = text
        self.html = html
        self.headers = headers
        self.idempotencyKey = idempotencyKey
    }
}

/// Hands mail to the background queue; it never sends inside the request.
public protocol AccountMailer: Sendable {
    func send(_ mail: AccountMail) async throws
}

import Foundation

/// One email as the app composes it: who from, to whom, a subject, a plain-text body and optionally an
/// HTML one. It is the JSON payload of `send_mail` tasks, so it holds only what rendering needs and
/// renders the same on every worker (`rendered(date:)`).
public struct MailMessage: Codable, Sendable, Equatable {
    /// The Message-ID without angle brackets; it names the message in logs, files and retries.
    public var id: String
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var text: String
    public var html: String?
    /// Further header fields in order, such as `List-Unsubscribe`.
    public var headers: [MailHeader]

    /// Without an `id`, one is made from a random UUID and the sender's domain.
    public init(id: String? = nil, from: MailAddress, to: [MailAddress], subject: String, text: String,
                html: String? = nil, headers: [MailHeader] = []) {
        self.id = id ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.headers = headers
    }

    /// Throws when no mailer could deliver the message as it is: a missing or malformed address, or an
    /// extra header that is malformed or would repeat one the renderer writes.
    public func validate() throws(MailMessageError) {
        guard !to.isEmpty else { throw .noRecipients }
        for mailbox in [from] + to where !mailbox.isValid { throw .invalidAddress(mailbox.address) }
        for header in headers {
            guard header.hasValidName else { throw .invalidHeader(header.name, reason: "a name is printable ASCII without ':'") }
            guard !MailHeader.written.contains(header.name.lowercased()) else {
                throw .invalidHeader(header.name, reason: "the renderer writes this header itself")
            }
        }
    }
}

/// A header field beyond the ones every message has.
public struct MailHeader: Codable, Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// The fields `rendered(date:)` writes; an extra header must not repeat them.
    static let written: Set<String> = [
        "date", "from", "to", "subject", "message-id", "mime-version", "content-type", "content-transfer-encoding",
    ]

    /// RFC 5322 field names: printable ASCII except the colon.
    var hasValidName: Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") }
    }
}

/// Why a message cannot be sent as it is; sending it again will not help.
public enum MailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRecipients
    case invalidAddress(String)
    case invalidHeader(String, reason: String)

    public var description: String {
        switch self {
        case .noRecipients: "the message has no recipient"
        case .invalidAddress(let address): "'\(address)' is not an address mail can be sent to or from"
        case .invalidHeader(let name, let reason): "the header '\(name)' cannot be added: \(reason)"
        }
    }
}

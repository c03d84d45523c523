import Foundation

/// A mailbox: an address and, optionally, the name a mail program shows for it.
///
/// Only plain ASCII addresses are accepted for sending (no SMTPUTF8): an address is written verbatim
/// into `MAIL FROM`/`RCPT TO` and into headers, so anything that could end a line or a bracket there
/// is refused rather than escaped.
public struct MailAddress: Codable, Sendable, Hashable, ExpressibleByStringLiteral {
    public var address: String
    public var name: String?

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    public init(stringLiteral address: String) {
        self.init(address)
    }

    /// `local@domain`, printable ASCII, with no spaces, brackets or line breaks.
    public var isValid: Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        return address.utf8.allSatisfy { byte in byte > 32 && byte < 127 && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") }
    }

    /// The domain part, for message ids.
    public var domain: String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}

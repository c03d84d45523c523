import Foundation
import Platform

/// Helpers for writing test messages inline: Swift's multi-line strings have `\n` line ends, which
/// become CRLF as on the wire unless a test asks for LF.
enum MailParsingSupport {
    static func parse(_ text: String, lineEnding: String = "\r\n") throws -> ReceivedMail {
        try MailParser.parse(bytes(text, lineEnding: lineEnding))
    }

    static func bytes(_ text: String, lineEnding: String = "\r\n") -> Data {
        Data(text.replacing("\n", with: lineEnding).utf8)
    }

    /// Text with some bytes that are not UTF-8: `{XX}` stands for the byte 0xXX.
    static func withBytes(_ text: String, lineEnding: String = "\r\n") -> Data {
        var data = Data()
        var rest = Substring(text.replacing("\n", with: lineEnding))
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              let byte = UInt8(rest[rest.index(after: open)..<close], radix: 16) {
            data += Data(rest[..<open].utf8)
            data.append(byte)
            rest = rest[rest.index(after: close)...]
        }
        return data + Data(rest.utf8)
    }

    static func utc(_ iso8601: String) -> Date {
        ISO8601DateFormatter().date(from: iso8601)!
    }

    static func base64Lines(_ data: Data, width: Int = 76) -> String {
        let encoded = Array(data.base64EncodedString())
        return stride(from: 0, to: encoded.count, by: width)
            .map { String(encoded[$0..<min($0 + width, encoded.count)]) }.joined(separator: "\n")
    }
}

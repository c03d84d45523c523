import Foundation

/// Encodes a text body as UTF-8 in a form every mail path carries intact: as it is (7bit) when it is
/// plain ASCII in lines of at most 998 bytes, so links and codes read and copy exactly as written;
/// quoted-printable for other text that is mostly ASCII (still readable in the raw message), base64
/// for text that is mostly not (quoted-printable would triple its size).
enum MIMEBodyEncoding {
    struct Part {
        var transferEncoding: String
        /// CRLF line endings, ending in CRLF.
        var body: String
    }

    static func encode(_ text: String) -> Part {
        let normalized = normalizeLineEndings(text)
        let bytes = Array(normalized.utf8)
        let nonASCII = bytes.lazy.filter { $0 >= 128 }.count
        if nonASCII == 0, !bytes.contains(UInt8(ascii: "\r")), !bytes.contains(0),
           normalized.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy({ $0.utf8.count <= 998 }) {
            return Part(transferEncoding: "7bit", body: normalized.replacing("\n", with: "\r\n") + "\r\n")
        }
        if nonASCII * 3 > bytes.count {
            let crlf = Data(normalized.replacing("\n", with: "\r\n").utf8)
            let base64 = Array(crlf.base64EncodedString())
            let lines = stride(from: 0, to: base64.count, by: 76).map { String(base64[$0..<min($0 + 76, base64.count)]) }
            return Part(transferEncoding: "base64", body: lines.map { $0 + "\r\n" }.joined())
        }
        return Part(transferEncoding: "quoted-printable", body: quotedPrintable(normalized) + "\r\n")
    }

    /// `\n` line endings, without the one trailing line break a body usually has (the part adds its own).
    static func normalizeLineEndings(_ text: String) -> String {
        var unified = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        if unified.hasSuffix("\n") { unified.removeLast() }
        return unified
    }

    /// RFC 2045 §6.7 over `\n`-separated lines: printable ASCII as it is except `=`, everything else as
    /// `=XX`, a space or tab at a line's end encoded so transports cannot strip it, and soft line
    /// breaks (`=` CRLF) keeping every encoded line within 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        var output = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { output += "\r\n" }
            let bytes = Array(line.utf8)
            var lineLength = 0
            for (position, byte) in bytes.enumerated() {
                let isWhitespace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (isWhitespace && position < bytes.count - 1)
                let token = literal ? String(UnicodeScalar(byte)) : hex(byte)
                if lineLength + token.count > 75 {
                    output += "=\r\n"
                    lineLength = 0
                }
                output += token
                lineLength += token.count
            }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}

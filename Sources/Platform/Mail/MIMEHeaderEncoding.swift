import Foundation

/// Writes header fields: RFC 2047 encoded-words for text that is not plain ASCII, quoted display names,
/// and folding at spaces so lines stay short.
enum MIMEHeaderEncoding {
    /// Folded lines stay within 76 characters where spaces allow, the limit RFC 2047 sets for lines
    /// that carry encoded-words (RFC 5322's own is 78).
    static let lineLimit = 76

    /// `Name: value`, folded before a space wherever the line would grow past the limit. Line breaks
    /// inside the value become spaces, so no value can start a header of its own.
    static func field(_ name: String, _ value: String) -> String {
        let flat = value.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " ")
        var folded = name + ":"
        var lineLength = folded.count
        for (index, word) in flat.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0, lineLength + 1 + word.count > lineLimit, lineLength > name.count + 1 {
                folded += "\r\n"
                lineLength = 0
            }
            folded += " " + word
            lineLength += 1 + word.count
        }
        return folded + "\r\n"
    }

    /// Unstructured text (a subject): as it is when plain printable ASCII, else encoded-words.
    static func unstructured(_ text: String) -> String {
        needsEncoding(text) ? encodedWords(text) : text
    }

    /// `Name <address>`, or only the address when there is no name.
    static func mailbox(_ mailbox: MailAddress) -> String {
        guard let name = mailbox.name, !name.isEmpty else { return mailbox.address }
        return "\(phrase(name)) <\(mailbox.address)>"
    }

    /// A display name: atoms as they are, other ASCII as a quoted string, anything else encoded.
    static func phrase(_ name: String) -> String {
        if needsEncoding(name) { return encodedWords(name) }
        let atext = Set("!#$%&'*+-/=?^_`{|}~ ".utf8)
        if name.utf8.allSatisfy({ isAlphanumeric($0) || atext.contains($0) }) { return name }
        return "\"" + name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// Non-ASCII or control characters need encoding; so does text that a reader would mistake for an
    /// encoded-word.
    static func needsEncoding(_ text: String) -> Bool {
        text.contains("=?") || !text.utf8.allSatisfy { $0 >= 32 && $0 < 127 }
    }

    /// `=?UTF-8?B?...?=` words separated by spaces (which readers drop between encoded-words). Each holds
    /// at most 36 bytes of whole characters, so a word is at most 60 characters and fits a folded line.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 36 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: " ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// Decodes RFC 2047 encoded-words (`=?charset?B?...?=`, `=?charset?Q?...?=`) in header text.
///
/// Whitespace between two encoded-words is dropped, as the RFC says, and adjacent words in the same
/// charset are decoded as one run of bytes, because encoders often split a multi-byte character
/// between two words. Words are also found where the RFC does not allow them (inside quotes, glued to
/// other text), since mail programs write them there and readers decode them anyway.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > 7, containsWordStart(bytes) else { return text }
        var result = ""
        var pending: (charset: String, bytes: [UInt8])?
        var textStart = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                  let word = word(in: bytes, at: index) else {
                index += 1
                continue
            }
            let between = bytes[textStart..<index]
            // Only whitespace since the previous word: it goes, and same-charset words join.
            let joinsPrevious = textStart > 0 && between.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if joinsPrevious, pending?.charset == word.charset {
                pending?.bytes += word.bytes
            } else {
                if let current = pending { result += MailCharset.decode(current.bytes, charset: current.charset) }
                if !joinsPrevious { result += String(decoding: between, as: UTF8.self) }
                pending = (word.charset, word.bytes)
            }
            index = word.end
            textStart = index
        }
        if let current = pending {
            result += MailCharset.decode(current.bytes, charset: current.charset)
        }
        result += String(decoding: bytes[textStart...], as: UTF8.self)
        return result
    }

    private static func containsWordStart(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }

    private struct Word {
        var charset: String
        var bytes: [UInt8]
        /// Just past the closing `?=`.
        var end: Int
    }

    private static func word(in bytes: [UInt8], at start: Int) -> Word? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
            let byte = bytes[index]
            if byte <= 32 || byte >= 127 || index - charsetStart > 40 { return nil }
            index += 1
        }
        guard index > charsetStart, index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "?") else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        index = textStart
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: "=")) {
            let byte = bytes[index]
            // Q words with literal spaces are a common mistake, within RFC 2047's 75 characters; B
            // words never hold one. Past that, a space ends the search, so a header of unfinished
            // words is not read again and again to its end.
            if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: " ") && (encoding == UInt8(ascii: "b") || index - start > 75)) {
                return nil
            }
            index += 1
        }
        guard index + 1 < bytes.count else { return nil }
        let text = bytes[textStart..<index]
        let decoded = encoding == UInt8(ascii: "b") ? TransferDecoding.base64(text) : qDecoded(text)
        return Word(charset: MailCharset.normalized(charset), bytes: decoded, end: index + 2)
    }

    /// Q encoding: quoted-printable where `_` stands for a space.
    private static func qDecoded(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "="), index + 2 < text.endIndex,
                      let high = TransferDecoding.hexDigit(text[index + 1]), let low = TransferDecoding.hexDigit(text[index + 2]) {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}

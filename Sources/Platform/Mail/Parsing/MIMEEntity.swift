import Domain

/// One entity of a message, the message itself or a part of a multipart body: its header fields and
/// where its body lies in the message's bytes (found, not copied).
///
/// Reading is lenient the way mail needs: LF or CRLF, folded lines joined, header bytes that are not
/// UTF-8 read as Windows-1252, and a part whose headers run straight into text without the blank line
/// gets its body from the first line that is not a field.
struct MIMEEntity {
    struct Field {
        var name: String
        /// Unfolded and trimmed, encoded-words still encoded (structured fields parse before decoding).
        var value: String
    }

    var fields: [Field]
    var body: Range<Int>

    /// The first field of that name, given in lowercase (fields match it in any case).
    func field(_ name: String) -> String? {
        fields.first { $0.name.count == name.count && $0.name.lowercased() == name }?.value
    }

    init(_ bytes: [UInt8], in range: Range<Int>) {
        var fields: [Field] = []
        var name: String?
        var value: [UInt8] = []
        var bodyStart = range.upperBound
        var lineStart = range.lowerBound
        func finishField() {
            if let name { fields.append(Field(name: name, value: Self.text(value))) }
        }
        while lineStart < range.upperBound {
            let lineEnd = Self.lineEnd(bytes, from: lineStart, before: range.upperBound)
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let next = min(lineEnd + 1, range.upperBound)
            if contentEnd == lineStart {
                bodyStart = next
                break
            }
            if bytes[lineStart].isSpaceOrTab {
                if name != nil { value += bytes[lineStart..<contentEnd] }
            } else if let colon = Self.colon(bytes, lineStart, contentEnd) {
                finishField()
                var nameEnd = colon
                while nameEnd > lineStart, bytes[nameEnd - 1].isSpaceOrTab { nameEnd -= 1 }
                name = String(decoding: bytes[lineStart..<nameEnd], as: UTF8.self)
                value = Array(bytes[(colon + 1)..<contentEnd])
            } else {
                bodyStart = lineStart
                break
            }
            lineStart = next
        }
        finishField()
        self.fields = fields
        self.body = min(bodyStart, range.upperBound)..<range.upperBound
    }

    /// The index of the line feed ending the line that starts at `start`, or `limit` when none does.
    static func lineEnd(_ bytes: [UInt8], from start: Int, before limit: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < limit, buffer[index] != UInt8(ascii: "\n") { index += 1 }
            return index
        }
    }

    /// Where a field line's name ends: printable ASCII up to a colon (spaces before the colon are the
    /// obsolete syntax, still accepted). Nil when the line is not a field.
    static func colon(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end, bytes[index] > 32, bytes[index] < 127, bytes[index] != UInt8(ascii: ":") { index += 1 }
        guard index > start else { return nil }
        while index < end, bytes[index].isSpaceOrTab { index += 1 }
        return index < end && bytes[index] == UInt8(ascii: ":") ? index : nil
    }

    /// Header bytes as text: UTF-8 when they are, Windows-1252 otherwise; tabs become spaces.
    private static func text(_ bytes: [UInt8]) -> String {
        let spaced = bytes.contains(UInt8(ascii: "\t")) ? bytes.map { $0 == UInt8(ascii: "\t") ? UInt8(ascii: " ") : $0 } : bytes
        let text = MailCharset.utf8(spaced) ?? MailCharset.windows1252(spaced)
        return text.trimmingWhitespace()
    }
}

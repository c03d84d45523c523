/// Splits a multipart body at its boundary lines (RFC 2046 §5.1).
///
/// A delimiter is `--boundary` at the start of a line, followed by nothing but spaces (the closing
/// one by `--`); the line break before it belongs to it. The preamble before the first delimiter and
/// the epilogue after the closing one are dropped. A body whose closing delimiter is missing ends its
/// last part at the end of the body.
enum MultipartBody {
    static func parts(_ bytes: [UInt8], in range: Range<Int>, boundary: String) -> [Range<Int>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = MIMEEntity.lineEnd(bytes, from: lineStart, before: range.upperBound)
            if let closes = delimiterLine(bytes, lineStart, lineEnd, delimiter) {
                if let start = partStart {
                    parts.append(start..<max(start, contentEnd(bytes, before: lineStart, from: start)))
                }
                if closes { return parts }
                partStart = min(lineEnd + 1, range.upperBound)
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart, start < range.upperBound { parts.append(start..<range.upperBound) }
        return parts
    }

    /// The boundary of a multipart body whose Content-Type lost it: the first line that looks like a
    /// delimiter (`--` and at least a few more characters).
    static func guessedBoundary(_ bytes: [UInt8], in range: Range<Int>) -> String? {
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = MIMEEntity.lineEnd(bytes, from: lineStart, before: range.upperBound)
            var end = lineEnd
            while end > lineStart, bytes[end - 1].isMailWhitespace { end -= 1 }
            if end - lineStart > 6, bytes[lineStart] == UInt8(ascii: "-"), bytes[lineStart + 1] == UInt8(ascii: "-"),
               !bytes[(lineStart + 2)..<end].contains(UInt8(ascii: " ")) {
                return String(decoding: bytes[(lineStart + 2)..<end], as: UTF8.self)
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// Nil when the line is not a delimiter, true for the closing one.
    private static func delimiterLine(_ bytes: [UInt8], _ start: Int, _ end: Int, _ delimiter: [UInt8]) -> Bool? {
        guard end - start >= delimiter.count, bytes[start] == UInt8(ascii: "-") else { return nil }
        for offset in 0..<delimiter.count where bytes[start + offset] != delimiter[offset] { return nil }
        var index = start + delimiter.count
        var closes = false
        if index + 1 < end, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
            closes = true
            index += 2
        }
        while index < end {
            guard bytes[index].isMailWhitespace else { return nil }
            index += 1
        }
        return closes
    }

    /// A part ends before the line break that precedes the next delimiter.
    private static func contentEnd(_ bytes: [UInt8], before delimiterStart: Int, from start: Int) -> Int {
        var end = delimiterStart
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }
}

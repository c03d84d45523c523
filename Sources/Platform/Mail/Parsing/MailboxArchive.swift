import Foundation

/// Splits an mbox file into its messages.
///
/// Each message starts with a `From ` line (`From sender@example.com Tue Mar  3 09:15:02 2026`),
/// which is not part of it. Because mbox writers that do not escape body lines (mboxo) leave `From `
/// at the start of body lines too, a `From ` line only separates messages when it is the first line,
/// or when it holds a time of day (the arrival date) and the line after it is a header field. Lines the writer escaped (`>From `, `>>From ` in mboxrd)
/// lose one `>`. The blank line a writer puts between messages is dropped. LF and CRLF files both work.
public enum MailboxArchive {
    public static func messages(in mbox: Data) -> [Data] {
        let bytes = [UInt8](mbox)
        var messages: [Data] = []
        var current: [UInt8] = []
        var lineStart = 0
        var sawSeparator = false
        func finishMessage() {
            // The writer's separating blank line (and a final line break) are not the message's.
            if current.last == UInt8(ascii: "\n") { current.removeLast() }
            if current.last == UInt8(ascii: "\r") { current.removeLast() }
            if current.contains(where: { !$0.isMailWhitespace }) { messages.append(Data(current)) }
            current = []
        }
        while lineStart < bytes.count {
            let lineEnd = MIMEEntity.lineEnd(bytes, from: lineStart, before: bytes.count)
            let next = min(lineEnd + 1, bytes.count)
            if startsWith(bytes, lineStart, "From "),
               lineStart == 0 || (hasClockTime(bytes, lineStart, lineEnd) && nextLineIsField(bytes, next)) {
                if sawSeparator || !current.isEmpty { finishMessage() }
                sawSeparator = true
            } else {
                var start = lineStart
                if bytes[lineStart] == UInt8(ascii: ">") {
                    var index = lineStart
                    while index < lineEnd, bytes[index] == UInt8(ascii: ">") { index += 1 }
                    if startsWith(bytes, index, "From ") { start += 1 }
                }
                current += bytes[start..<next]
            }
            lineStart = next
        }
        finishMessage()
        return messages
    }

    private static func startsWith(_ bytes: [UInt8], _ start: Int, _ prefix: String) -> Bool {
        var index = start
        for byte in prefix.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// Separator lines end in the date the message arrived, with its time (`09:15:02`).
    private static func hasClockTime(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        func isDigit(_ index: Int) -> Bool { bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") }
        guard end - start >= 5 else { return false }
        for colon in (start + 2)..<(end - 2) where bytes[colon] == UInt8(ascii: ":") {
            if isDigit(colon - 2), isDigit(colon - 1), isDigit(colon + 1), isDigit(colon + 2) { return true }
        }
        return false
    }

    private static func nextLineIsField(_ bytes: [UInt8], _ start: Int) -> Bool {
        guard start < bytes.count else { return false }
        let end = MIMEEntity.lineEnd(bytes, from: start, before: bytes.count)
        return MIMEEntity.colon(bytes, start, end) != nil
    }
}

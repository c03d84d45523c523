import Domain
import Foundation

/// One property line of iCalendar text (RFC 5545 §3.1): `NAME;PARAM=value;PARAM="quoted":value`.
struct ContentLine {
    /// Uppercased.
    var name: String
    /// Names uppercased; values without their quotes.
    var parameters: [String: String]
    /// As written, still escaped (see `unescapedText`).
    var value: String

    /// The content lines of a text, folded lines (a line break followed by a space or tab) joined.
    /// LF, CRLF and CR all end lines; blank lines and lines without a colon are skipped.
    static func lines(in text: String) -> [ContentLine] {
        let bytes = unfolded(Array(text.utf8))
        var lines: [ContentLine] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\r"), bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if lineEnd > lineStart, let line = ContentLine(Array(bytes[lineStart..<lineEnd])) { lines.append(line) }
            lineStart = lineEnd + 1
        }
        return lines
    }

    /// iCalendar bytes with folded lines joined. Writers fold by octets, so a fold can fall inside a
    /// UTF-8 character; joining before decoding keeps such a calendar valid UTF-8.
    static func unfolded(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                var next = index + 1
                if byte == UInt8(ascii: "\r"), next < bytes.count, bytes[next] == UInt8(ascii: "\n") { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") {
                    index = next + 1
                    continue
                }
                output += bytes[index..<next]
                index = next
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    init?(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ";"), bytes[index] != UInt8(ascii: ":") { index += 1 }
        guard index > 0, index < bytes.count else { return nil }
        name = String(decoding: bytes[0..<index], as: UTF8.self).trimmingWhitespace().uppercased()
        var parameters: [String: String] = [:]
        while index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            index += 1
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";"),
                  bytes[index] != UInt8(ascii: ":") { index += 1 }
            let parameterName = String(decoding: bytes[nameStart..<index], as: UTF8.self).uppercased()
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: ";"),
                      bytes[index] != UInt8(ascii: ":") || Self.startsURI(bytes, index) {
                    if bytes[index] == UInt8(ascii: "\"") {
                        index += 1
                        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                            value.append(bytes[index])
                            index += 1
                        }
                        index += 1
                    } else {
                        value.append(bytes[index])
                        index += 1
                    }
                }
            }
            if parameters[parameterName] == nil {
                parameters[parameterName] = String(decoding: value, as: UTF8.self)
            }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        self.parameters = parameters
        value = String(decoding: bytes[(index + 1)...], as: UTF8.self)
    }

    /// A colon followed by `//` belongs to an unquoted parameter value that is a URI, as Outlook writes
    /// `TZID=tzone://Microsoft/Eastern` (RFC 5545 wants it quoted).
    private static func startsURI(_ bytes: [UInt8], _ colon: Int) -> Bool {
        colon + 2 < bytes.count && bytes[colon + 1] == UInt8(ascii: "/") && bytes[colon + 2] == UInt8(ascii: "/")
    }

    /// A TEXT value with its escapes undone: `\n` (or `\N`) is a line break, `\,` `\;` `\\` are the
    /// characters themselves.
    var unescapedText: String {
        guard value.contains("\\") else { return value }
        var text = ""
        var escaped = false
        for character in value {
            if escaped {
                text.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                text.append(character)
            }
        }
        return text
    }
}

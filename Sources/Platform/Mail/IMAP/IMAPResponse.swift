import Foundation

/// One complete server response as it came off the wire: its text, and the bytes of every literal in it.
///
/// A literal (`{12}` CRLF followed by exactly 12 bytes) lets a response carry anything, a whole
/// message included, so it cannot be cut into lines. The text is kept in pieces: `lines[i]` ends in
/// `{n}` and `literals[i]` holds those n bytes; the last piece ends the response (CRLF removed).
struct IMAPResponse: Sendable, Equatable {
    var lines: [[UInt8]]
    var literals: [Data]

    init(lines: [[UInt8]], literals: [Data] = []) {
        precondition(lines.count == literals.count + 1, "a response has one more piece of text than literals")
        self.lines = lines
        self.literals = literals
    }

    enum Kind: Equatable {
        /// `* …`: data, or a status the server sends on its own.
        case untagged(String)
        /// `+ …`: the server waits for more of the command (a literal, an AUTHENTICATE step).
        case continuation(String)
        /// `tag …`: the command with this tag is finished.
        case tagged(tag: String, rest: String)
    }

    /// The first line, split after the tag. Text before any literal, so a FETCH with a message in it
    /// costs nothing here.
    var kind: Kind {
        let first = String(decoding: lines[0], as: UTF8.self)
        if first.hasPrefix("* ") { return .untagged(String(first.dropFirst(2))) }
        if first == "+" || first.hasPrefix("+ ") { return .continuation(String(first.dropFirst(2))) }
        guard let space = first.firstIndex(of: " ") else { return .tagged(tag: first, rest: "") }
        return .tagged(tag: String(first[..<space]), rest: String(first[first.index(after: space)...]))
    }
}

/// A status response (`OK`, `NO`, `BAD`, `BYE`, `PREAUTH`), tagged or not, with its optional response
/// code (`[UIDVALIDITY 3857529045]`) and its human-readable text.
struct IMAPStatus: Equatable {
    enum Condition: String {
        case ok = "OK", no = "NO", bad = "BAD", bye = "BYE", preauth = "PREAUTH"
    }

    var condition: Condition
    /// The response code's name in capitals (`UIDVALIDITY`) and what follows it (`3857529045`).
    var code: (name: String, arguments: String)?
    var text: String

    /// Reads `OK [CODE args] text`; nil when `rest` is not a status.
    init?(_ rest: String) {
        let word = rest.prefix { $0 != " " }
        guard let condition = Condition(rawValue: word.uppercased()) else { return nil }
        self.condition = condition
        var remainder = rest.dropFirst(word.count).drop { $0 == " " }
        if remainder.first == "[", let close = remainder.firstIndex(of: "]") {
            let inside = remainder[remainder.index(after: remainder.startIndex)..<close]
            let name = inside.prefix { $0 != " " }
            code = (name.uppercased(), String(inside.dropFirst(name.count).drop { $0 == " " }))
            remainder = remainder[remainder.index(after: close)...].drop { $0 == " " }
        }
        text = String(remainder)
    }

    /// The server's words for an error message, with the response code if it had one.
    var summary: String {
        let code = self.code.map { "[\($0.name)\($0.arguments.isEmpty ? "" : " " + $0.arguments)] " } ?? ""
        return "\(condition.rawValue) \(code)\(text)"
    }

    static func == (lhs: IMAPStatus, rhs: IMAPStatus) -> Bool {
        lhs.condition == rhs.condition && lhs.code?.name == rhs.code?.name && lhs.code?.arguments == rhs.code?.arguments
            && lhs.text == rhs.text
    }
}

import Foundation

/// A piece of response data as IMAP's grammar builds it (RFC 9051 section 4): an atom or number, a
/// string (quoted or literal), NIL, or a parenthesized list of those.
indirect enum IMAPValue: Equatable {
    case atom(String)
    case string(Data)
    case `nil`
    case list([IMAPValue])

    var atom: String? {
        if case .atom(let text) = self { text } else { nil }
    }
}

/// Reads `IMAPValue`s from a response, stepping from one piece of text into the literal it announces
/// and on into the next piece. Only for data with a strict grammar (FETCH items); status texts are
/// free prose and are read by `IMAPStatus`.
struct IMAPValueReader {
    private let response: IMAPResponse
    private var piece = 0
    private var offset: Int

    /// Starts reading the first line at `offset`.
    init(_ response: IMAPResponse, offset: Int) {
        self.response = response
        self.offset = offset
    }

    private var line: [UInt8] { response.lines[piece] }

    private func violation(_ what: String) -> IMAPError {
        let text = String(decoding: line.prefix(120), as: UTF8.self)
        return .protocolViolation("\(what) at byte \(offset) of \(text)")
    }

    /// One value, after any spaces.
    mutating func read() throws -> IMAPValue {
        while offset < line.count, line[offset] == UInt8(ascii: " ") { offset += 1 }
        guard offset < line.count else { throw violation("a value is missing") }
        switch line[offset] {
        case UInt8(ascii: "("):
            offset += 1
            var items: [IMAPValue] = []
            while true {
                while offset < line.count, line[offset] == UInt8(ascii: " ") { offset += 1 }
                guard offset < line.count else { throw violation("a list is not closed") }
                if line[offset] == UInt8(ascii: ")") {
                    offset += 1
                    return .list(items)
                }
                items.append(try read())
            }
        case UInt8(ascii: "\""):
            return .string(try readQuoted())
        case UInt8(ascii: "{"):
            return .string(try readLiteral())
        case UInt8(ascii: ")"):
            throw violation("an unexpected ')'")
        default:
            let atom = readAtom()
            return atom.uppercased() == "NIL" ? .nil : .atom(atom)
        }
    }

    private mutating func readQuoted() throws -> Data {
        offset += 1
        var bytes: [UInt8] = []
        while offset < line.count {
            let byte = line[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return Data(bytes)
            case UInt8(ascii: "\\"):
                guard offset < line.count else { throw violation("a quoted string ends in a backslash") }
                bytes.append(line[offset])
                offset += 1
            default: bytes.append(byte)
            }
        }
        throw violation("a quoted string is not closed")
    }

    /// `{n}` must end its piece of text; the literal's bytes are the value, and reading goes on in the next piece.
    private mutating func readLiteral() throws -> Data {
        guard let close = line[offset...].firstIndex(of: UInt8(ascii: "}")), close == line.count - 1,
              piece < response.literals.count else {
            throw violation("a literal is announced but does not follow")
        }
        let literal = response.literals[piece]
        piece += 1
        offset = 0
        return literal
    }

    /// An atom, a number, or a flag (`\Seen`); a section (`BODY[HEADER.FIELDS (FROM)]`) is one atom
    /// with its brackets, spaces and parentheses inside them included.
    private mutating func readAtom() -> String {
        let start = offset
        var depth = 0
        while offset < line.count {
            let byte = line[offset]
            if depth == 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { break }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            offset += 1
        }
        return String(decoding: line[start..<offset], as: UTF8.self)
    }
}

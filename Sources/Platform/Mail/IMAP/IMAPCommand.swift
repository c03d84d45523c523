import Foundation

/// A command line to send, in pieces: text, and the strings that have to go as literals because no
/// quoted string can carry them (a password with a quote, a backslash or a non-ASCII letter).
///
/// `logged` is what logs show instead: a command carrying credentials shows only its name.
struct IMAPCommand {
    enum Piece {
        case text(String)
        case literal([UInt8])
        /// A line sent on its own once the server asks for it with `+` (an AUTHENTICATE answer).
        case continuation([UInt8])
    }

    var pieces: [Piece]
    var logged: String

    init(_ pieces: [Piece], logged: String? = nil) {
        self.pieces = pieces
        self.logged = logged ?? pieces.map {
            switch $0 {
            case .text(let text): text
            case .literal(let bytes): "{\(bytes.count)}"
            case .continuation: " …"
            }
        }.joined()
    }

    init(_ text: String, logged: String? = nil) {
        self.init([.text(text)], logged: logged)
    }

    /// An astring argument: an atom when it is one, a quoted string when quoting is enough, else a literal.
    static func string(_ value: String) -> Piece {
        let bytes = Array(value.utf8)
        if !bytes.isEmpty, bytes.allSatisfy(isAtomCharacter) { return .text(value) }
        if bytes.allSatisfy({ (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return .text("\"\(value)\"")
        }
        return .literal(bytes)
    }

    /// A folder name: modified UTF-7 (RFC 3501 section 5.1.3) makes it ASCII, then it is quoted.
    static func mailbox(_ name: String) -> Piece {
        if name.uppercased() == "INBOX" { return .text("INBOX") }
        let encoded = IMAPMailboxName.encode(name)
        let escaped = encoded.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return .text("\"\(escaped)\"")
    }

    /// ATOM-CHAR: printable ASCII except the specials `(){ %*"\]` (RFC 9051 section 9).
    static func isAtomCharacter(_ byte: UInt8) -> Bool {
        guard (0x21...0x7E).contains(byte) else { return false }
        return !"(){ %*\"\\]".utf8.contains(byte)
    }
}

/// Folder names on the wire: modified UTF-7 as RFC 3501 section 5.1.3 defines it (IMAP4rev1 servers
/// expect it unless UTF8=ACCEPT is enabled). Printable ASCII stays as it is, `&` becomes `&-`, and
/// every run of other characters becomes `&` + their UTF-16 in base64 with `,` for `/` + `-`.
enum IMAPMailboxName {
    static func encode(_ name: String) -> String {
        var output = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            let bytes = pending.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            let base64 = Data(bytes).base64EncodedString().replacingOccurrences(of: "/", with: ",")
                .replacingOccurrences(of: "=", with: "")
            output += "&" + base64 + "-"
            pending = []
        }
        for scalar in name.unicodeScalars {
            if (0x20...0x7E).contains(scalar.value) {
                flush()
                output += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return output
    }
}

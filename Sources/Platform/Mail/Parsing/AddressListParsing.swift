import Domain

/// Reads the mailboxes of an address header (From, To, Reply-To): `Name <local@domain>`,
/// `"Doe, Jane" <jane@example.com>`, `jane@example.com (Jane Doe)`, bare addresses, and groups
/// (`Team: a@example.com, b@example.com;`, `undisclosed-recipients:;`).
///
/// It works on the raw value, before encoded-words are decoded, so a comma inside an encoded name
/// cannot split it; each display name is decoded afterwards.
enum AddressListParsing {
    static func mailboxes(_ raw: String) -> [MailAddress] {
        var mailboxes: [MailAddress] = []
        var current: [Character] = []
        var inQuotes = false, inAngle = false, commentDepth = 0
        var escaped = false
        func finishMailbox() {
            if let mailbox = mailbox(current) { mailboxes.append(mailbox) }
            current = []
        }
        for character in raw {
            if escaped {
                escaped = false
                current.append(character)
                continue
            }
            switch character {
            case "\\" where inQuotes || commentDepth > 0:
                escaped = true
            case "\"" where commentDepth == 0:
                inQuotes.toggle()
            case "(" where !inQuotes:
                commentDepth += 1
            case ")" where !inQuotes && commentDepth > 0:
                commentDepth -= 1
            case "<" where !inQuotes && commentDepth == 0:
                inAngle = true
            case ">" where !inQuotes && commentDepth == 0:
                inAngle = false
            case "," where !inQuotes && !inAngle && commentDepth == 0, ";" where !inQuotes && !inAngle && commentDepth == 0:
                finishMailbox()
                continue
            case ":" where !inQuotes && !inAngle && commentDepth == 0:
                // A group's name ends here; its members follow.
                current = []
                continue
            default:
                break
            }
            current.append(character)
        }
        finishMailbox()
        return mailboxes
    }

    /// One mailbox from its text, quotes and comments still in it.
    private static func mailbox(_ characters: [Character]) -> MailAddress? {
        let text = String(characters)
        if let open = text.lastIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            var address = String(text[text.index(after: open)..<close]).trimmingWhitespace()
            // An obsolete source route (`<@relay:user@example.com>`) is not part of the address.
            if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
                address = String(address[address.index(after: colon)...])
            }
            guard !address.isEmpty else { return nil }
            let name = displayName(String(text[..<open]), keepComments: false)
            return MailAddress(address, name: name)
        }
        let (bare, comment) = withoutComments(text)
        let address = bare.replacing("\"", with: "").trimmingWhitespace()
        guard !address.isEmpty, address.contains("@") || !address.contains(" ") else { return nil }
        return MailAddress(address, name: comment.flatMap { displayName($0, keepComments: true) })
    }

    /// Quotes and backslash escapes removed, comments dropped, encoded-words decoded, spaces collapsed;
    /// nil when nothing is left.
    private static func displayName(_ text: String, keepComments: Bool) -> String? {
        let source = keepComments ? text : withoutComments(text).text
        var unquoted = ""
        var escaped = false
        for character in source {
            if escaped {
                unquoted.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character != "\"" {
                unquoted.append(character)
            }
        }
        let decoded = EncodedWords.decode(unquoted)
        let collapsed = decoded.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// The text outside parentheses (outside quotes), and the last comment's text.
    private static func withoutComments(_ text: String) -> (text: String, comment: String?) {
        var outside = ""
        var comment: String?
        var current = ""
        var depth = 0
        var inQuotes = false
        for character in text {
            if character == "\"", depth == 0 { inQuotes.toggle() }
            if character == "(", !inQuotes {
                depth += 1
                if depth == 1 { current = ""; continue }
            } else if character == ")", !inQuotes, depth > 0 {
                depth -= 1
                if depth == 0 { comment = current; continue }
            }
            if depth > 0 { current.append(character) } else { outside.append(character) }
        }
        return (outside, comment)
    }
}

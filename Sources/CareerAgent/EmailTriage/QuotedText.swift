import Foundation
import Platform

/// Separates what a message's sender wrote from what it quotes: replies cut at "On … wrote:" (and its
/// forms in other languages and mail programs), `>` lines dropped, and a forwarded message kept, since
/// the forwarded part is what the message is about.
enum QuotedText {
    struct ForwardedHeader: Sendable {
        var from: MailAddress?
        var subject: String?
        var date: (date: Date, offsetSeconds: Int?)?
    }

    struct Reading: Sendable {
        var text: String
        var forwarded: ForwardedHeader?
    }

    /// `isForward`: the subject says so ("Fwd:", "WG:", "TR:"…), so a bare Outlook header block
    /// ("From: … / Sent: …") opens the forwarded message rather than a quoted reply.
    static func reading(_ text: String, isForward: Bool = false) -> Reading {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var headerStart: Int
        let note: String
        if let marker = lines.firstIndex(where: isForwardMarker) {
            note = ownText(lines[..<marker])
            headerStart = marker + 1
        } else if isForward, let block = lines.indices.first(where: { isHeaderBlock(lines[$0], next: $0 + 1 < lines.count ? lines[$0 + 1] : "") }) {
            note = ownText(lines[..<block])
            headerStart = block
        } else {
            return Reading(text: ownText(lines[...]), forwarded: nil)
        }
        var index = headerStart
        var header = ForwardedHeader()
        var seenField = false
        while index < lines.count {
            let line = unquoted(lines[index]).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { if seenField { break } else { index += 1; continue } }
            guard let colon = line.firstIndex(of: ":") else { break }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard forwardFieldNames.contains(name) else { break }
            seenField = true
            switch name {
            case "from", "von", "de", "van": header.from = address(value)
            case "subject", "betreff", "objet", "asunto", "onderwerp", "assunto": header.subject = value
            case "date", "datum", "sent", "gesendet", "envoye", "envoyé", "enviado", "fecha", "verzonden", "data":
                header.date = LooseDateReader.headerDate(value)
            default: break
            }
            index += 1
        }
        let forwardedLines = lines[index...].map(unquoted)
        let content = ownText(forwardedLines[...])
        return Reading(text: note.isEmpty ? content : note + "\n\n" + content, forwarded: header)
    }

    /// The lines before the first reply header, without `>` lines.
    private static func ownText(_ lines: ArraySlice<String>) -> String {
        var kept: [String] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if isReplyHeader(trimmed, next: index + 1 < lines.endIndex ? lines[index + 1] : "") { break }
            if !trimmed.hasPrefix(">") { kept.append(line) }
            index += 1
        }
        return kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func unquoted(_ line: String) -> String {
        var text = Substring(line)
        while text.hasPrefix(">") { text = text.dropFirst().drop(while: { $0 == " " }) }
        return String(text)
    }

    private static let forwardFieldNames: Set<String> = [
        "from", "to", "cc", "date", "sent", "subject", "reply-to", "von", "an", "gesendet", "betreff", "datum", "de", "a", "à",
        "envoye", "envoyé", "objet", "para", "enviado", "fecha", "asunto", "van", "aan", "verzonden", "onderwerp", "data",
        "assunto", "enviada",
    ]

    private static func isForwardMarker(_ line: String) -> Bool {
        let folded = TriageMessage.fold(line).trimmingCharacters(in: .whitespaces)
        guard folded.count < 80 else { return false }
        let markers = ["forwarded message", "begin forwarded message", "original message", "weitergeleitete nachricht",
                       "message transfere", "mensaje reenviado", "doorgestuurd bericht", "mensagem encaminhada",
                       "forwarded email"]
        let core = folded.trimmingCharacters(in: CharacterSet(charactersIn: "-_=* :"))
        return markers.contains { core == $0 || (folded.hasPrefix("-") && core.contains($0)) }
            && !(core == "original message" && !folded.hasPrefix("--------"))
    }

    /// "On … wrote:", "Am … schrieb …:", "Le … a écrit :", "El … escribió:", "Op … schreef …:", "Em … escreveu:",
    /// Outlook's "-----Original Message-----" and its "From: … / Sent: …" block.
    private static func isReplyHeader(_ line: String, next: String) -> Bool {
        let folded = TriageMessage.fold(line)
        if folded.hasPrefix("-----original message-----") || folded.hasPrefix("----- original message -----") { return true }
        let joined = folded + " " + TriageMessage.fold(next.trimmingCharacters(in: .whitespaces))
        let openings = [("on ", " wrote:"), ("am ", " schrieb"), ("le ", " a ecrit"), ("el ", " escribio"), ("op ", " schreef"),
                        ("em ", " escreveu")]
        for (opening, closing) in openings where folded.hasPrefix(opening) {
            if folded.contains(closing) || (folded.count < 120 && joined.contains(closing)) { return true }
        }
        return isHeaderBlock(line, next: next)
    }

    /// The first two lines of an Outlook-style quoted header: "From: …" then "Sent: …" (or "Date: …").
    private static func isHeaderBlock(_ line: String, next: String) -> Bool {
        let folded = TriageMessage.fold(line.trimmingCharacters(in: .whitespaces))
        guard folded.hasPrefix("from:") || folded.hasPrefix("von:") || folded.hasPrefix("de :") || folded.hasPrefix("de:")
            || folded.hasPrefix("van:") else { return false }
        let following = TriageMessage.fold(next.trimmingCharacters(in: .whitespaces))
        return ["sent:", "gesendet:", "envoye :", "envoye:", "enviado:", "date:", "datum:", "verzonden:", "fecha:", "data:"]
            .contains { following.hasPrefix($0) }
    }

    /// `Name <address>` or a bare address.
    static func address(_ value: String) -> MailAddress? {
        if let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            let address = String(value[value.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            let name = value[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            return MailAddress(address, name: name.isEmpty ? nil : name)
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("@"), !trimmed.contains(" ") { return MailAddress(trimmed) }
        return trimmed.isEmpty ? nil : MailAddress("", name: trimmed)
    }
}

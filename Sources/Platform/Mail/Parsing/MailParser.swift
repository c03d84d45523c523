import Domain
import Foundation

/// Reads a message as received (RFC 5322 with MIME) into a `ReceivedMail`.
///
/// It refuses only what is not a message at all: no bytes, no header fields at the start, or binary
/// data where the header fields should be. Anything else reads as far as it can: a part with a broken
/// encoding or an unknown charset still gives its text, and an unreadable part is skipped rather than
/// failing the message.
public enum MailParser {
    public static func parse(_ raw: Data) throws -> ReceivedMail {
        let bytes = [UInt8](raw)
        guard bytes.contains(where: { !$0.isMailWhitespace }) else { throw MailParseError.empty }
        var start = 0
        // A message saved from an mbox may still start with its `From ` separator line.
        if bytes.starts(with: Array("From ".utf8)) {
            start = min(MIMEEntity.lineEnd(bytes, from: 0, before: bytes.count) + 1, bytes.count)
        }
        let entity = MIMEEntity(bytes, in: start..<bytes.count)
        guard !entity.fields.isEmpty else {
            throw MailParseError.notAMessage("it does not start with header fields")
        }
        let headerEnd = entity.body.lowerBound
        if bytes[start..<headerEnd].contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x1B }) {
            throw MailParseError.notAMessage("its header holds binary data")
        }
        return read(bytes, entity, depth: 0)
    }

    /// The most parts deep a message is read (forwarded messages count too): deeper nesting is not mail
    /// a person sent, and the limit keeps hostile input from exhausting the stack.
    static let depthLimit = 24

    static func read(_ bytes: [UInt8], _ entity: MIMEEntity, depth: Int) -> ReceivedMail {
        var mail = ReceivedMail()
        mail.headers = entity.fields.map { MailHeaderField(name: $0.name, value: EncodedWords.decode($0.value)) }
        mail.subject = mail.header("Subject")?.trimmingWhitespace() ?? ""
        mail.from = entity.field("from").flatMap { AddressListParsing.mailboxes($0).first }
        mail.replyTo = entity.field("reply-to").flatMap { AddressListParsing.mailboxes($0).first }
        mail.to = entity.field("to").map(AddressListParsing.mailboxes) ?? []
        if let parsed = entity.field("date").flatMap(MailDate.parse) {
            mail.date = parsed.date
            mail.dateUTCOffsetSeconds = parsed.utcOffsetSeconds
        }
        mail.messageID = entity.field("message-id").map(messageID).flatMap { $0.isEmpty ? nil : $0 }

        var contents = MessageContents(bytes: bytes)
        contents.collect(entity, defaultType: "text/plain", depth: depth)
        var htmlText: [String] = []
        for html in contents.htmlParts {
            let converted = HTMLText(html: html)
            htmlText.append(converted.text)
            mail.links += converted.links
        }
        mail.html = contents.htmlParts.isEmpty ? nil : contents.htmlParts.joined(separator: "\n")
        // An empty text/plain alternative (some senders include one) does not hide the HTML's text.
        let plain = contents.plainParts.filter { !$0.isEmpty }
        var text = plain.isEmpty ? htmlText.filter { !$0.isEmpty } : plain
        for forwarded in contents.forwarded {
            text.append(forwardedBlock(forwarded))
            mail.links += forwarded.links
            mail.calendars += forwarded.calendars
        }
        mail.plainText = text.joined(separator: "\n\n")
        mail.calendars = contents.calendars + mail.calendars
        mail.attachments = contents.attachments
        return mail
    }

    /// Gmail's layout for a forwarded message, which people and programs already know how to read.
    static func forwardedBlock(_ mail: ReceivedMail) -> String {
        var block = "---------- Forwarded message ---------\n"
        for name in ["From", "Date", "Subject", "To"] {
            if let value = mail.header(name) { block += "\(name): \(value)\n" }
        }
        return mail.plainText.isEmpty ? block.trimmingWhitespace() : block + "\n" + mail.plainText
    }

    /// `<id@host>` without the brackets and any comment around them.
    private static func messageID(_ raw: String) -> String {
        if let open = raw.firstIndex(of: "<"), let close = raw[open...].firstIndex(of: ">") {
            return String(raw[raw.index(after: open)..<close]).trimmingWhitespace()
        }
        return raw.trimmingWhitespace()
    }
}

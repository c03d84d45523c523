import Foundation
import Platform

/// A message as triage reads it: the part that speaks (quoted replies cut, a forwarded message's own
/// sender, date and subject taken over), its links and its calendar invitations.
struct TriageMessage: Sendable {
    var subject: String
    var fromName: String?
    var fromAddress: String?
    /// The moment the message was written, and the offset its Date header states: relative dates
    /// ("tomorrow") count from the writer's own day.
    var date: Date?
    var dateOffsetSeconds: Int?
    /// What the sender wrote, without quoted earlier messages.
    var body: String
    var links: [MailLink]
    var calendars: [CalendarEvent]
    /// The same texts folded for matching: lower case, no accents, straight quotes, single spaces.
    let foldedSubject: String
    let foldedBody: String

    init(subject: String, fromName: String?, fromAddress: String?, date: Date?, dateOffsetSeconds: Int?, body: String,
         links: [MailLink], calendars: [CalendarEvent]) {
        self.subject = subject
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.date = date
        self.dateOffsetSeconds = dateOffsetSeconds
        self.body = body
        self.links = links
        self.calendars = calendars
        foldedSubject = Self.fold(Self.strippingReplyPrefixes(subject))
        foldedBody = Self.fold(body)
    }

    init(mail: ReceivedMail) {
        var calendars: [CalendarEvent] = []
        for text in mail.calendars { calendars += (try? CalendarParser.events(in: text)) ?? [] }
        let reading = QuotedText.reading(mail.plainText, isForward: Self.isForwardSubject(mail.subject))
        var subject = mail.subject, fromName = mail.from?.name, fromAddress = mail.from?.address
        var date = mail.date, offset = mail.dateUTCOffsetSeconds
        if let forwarded = reading.forwarded {
            subject = forwarded.subject ?? subject
            if let sender = forwarded.from { (fromName, fromAddress) = (sender.name, sender.address) }
            if let written = forwarded.date { date = written.date; offset = written.offsetSeconds ?? offset }
        }
        self.init(subject: subject, fromName: fromName, fromAddress: fromAddress, date: date, dateOffsetSeconds: offset,
                  body: reading.text, links: mail.links, calendars: calendars)
    }

    /// The writer's zone as a fixed offset, for dates the message gives without one.
    var writerTimeZone: TimeZone {
        TimeZone(secondsFromGMT: dateOffsetSeconds ?? 0) ?? TimeZone(identifier: "UTC")!
    }

    /// Subject and body together, for readers that look everywhere.
    var foldedAll: String { foldedSubject + "\n" + foldedBody }

    static func isForwardSubject(_ subject: String) -> Bool {
        let lowered = subject.trimmingCharacters(in: .whitespaces).lowercased()
        return ["fw:", "fwd:", "wg:", "tr:", "rv:", "enc:", "doorst:"].contains { lowered.hasPrefix($0) }
    }

    static func strippingReplyPrefixes(_ subject: String) -> String {
        var text = subject.trimmingCharacters(in: .whitespaces)
        let prefixes = ["re:", "fw:", "fwd:", "aw:", "wg:", "tr:", "rv:", "sv:", "vs:", "antw:", "res:", "enc:"]
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where text.lowercased().hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        return text
    }

    /// The same folding character by character, so offsets in the result are offsets in the original
    /// ("ß" stays one character instead of becoming "ss").
    static func foldKeepingLength(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            // Most mail is ASCII: lower-case it here rather than ask Foundation one character at a time.
            if let ascii = character.asciiValue {
                result.unicodeScalars.append(Unicode.Scalar((65...90).contains(ascii) ? ascii + 32 : ascii))
                continue
            }
            let folded = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            if folded.count == 1 {
                switch folded {
                case "\u{2019}", "\u{2018}": result.append("'")
                case "\u{201C}", "\u{201D}": result.append("\"")
                case "\u{2013}", "\u{2014}": result.append("-")
                case "\u{00A0}": result.append(" ")
                default: result.append(contentsOf: folded)
                }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Lower case without accents, typographic quotes and dashes made plain, runs of spaces made one.
    /// ASCII is folded here; Foundation is asked only about the other characters, one at a time,
    /// since folding a whole text through it costs a copy through NSString every time.
    static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                if value == 32 || value == 9 {
                    if !lastWasSpace { result.unicodeScalars.append(" ") }
                    lastWasSpace = true
                    continue
                }
                lastWasSpace = false
                result.unicodeScalars.append(Unicode.Scalar((65...90).contains(value) ? value + 32 : value))
                continue
            }
            switch scalar.value {
            case 0x2018, 0x2019: result.unicodeScalars.append("'")
            case 0x201C, 0x201D: result.unicodeScalars.append("\"")
            case 0x2013, 0x2014: result.unicodeScalars.append("-")
            case 0x00A0:
                if !lastWasSpace { result.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            default:
                result += String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            }
            lastWasSpace = false
        }
        return result
    }
}

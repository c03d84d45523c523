import Foundation
import Platform
@testable import CareerAgent

/// Messages for triage tests, written inline: the parts triage reads, without going through MIME.
enum TriageMessages {
    /// `date` is an RFC 3339 instant; `offset` the Date header's offset in hours.
    static func message(subject: String, from name: String? = nil, address: String = "jobs@acme.example", date: String = "2026-03-03T09:15:00-08:00",
                        offsetHours: Double = -8, body: String, links: [MailLink] = [], calendars: [CalendarEvent] = []) -> TriageMessage {
        let instant = ISO8601DateFormatter().date(from: date)!
        return TriageMessage(subject: subject, fromName: name, fromAddress: address, date: instant, dateOffsetSeconds: Int(offsetHours * 3600),
                             body: body, links: links, calendars: calendars)
    }

    static func analyze(_ message: TriageMessage) -> EmailAnalysis {
        EmailTriage().analyze(message)
    }
}

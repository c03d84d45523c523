import Foundation
import Platform

enum CalendarSupport {
    /// A VCALENDAR around the given lines, with CRLF line ends as on the wire.
    static func calendar(method: String? = "REQUEST", _ body: String) -> String {
        var text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//Test//EN\n"
        if let method { text += "METHOD:\(method)\n" }
        return (text + body + "\nEND:VCALENDAR\n").replacing("\n", with: "\r\n")
    }

    /// One VEVENT whose DTSTART is the given line (plus any further lines).
    static func event(start: String, _ more: String = "", timeZones: String = "") throws -> CalendarEvent {
        let body = timeZones + "BEGIN:VEVENT\nUID:test@example.com\n\(start)\n" + (more.isEmpty ? "" : more + "\n") + "END:VEVENT"
        let events = try CalendarParser.events(in: calendar(body))
        guard events.count == 1, let event = events.first else { throw Failure("expected one event, got \(events.count)") }
        return event
    }

    static func utc(_ iso8601: String) -> Date {
        ISO8601DateFormatter().date(from: iso8601)!
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Outlook's custom zone for US Eastern time, with a name no zone database knows.
    static let customEastern = """
        BEGIN:VTIMEZONE
        TZID:Customized Time Zone
        BEGIN:STANDARD
        DTSTART:16010101T020000
        TZOFFSETFROM:-0400
        TZOFFSETTO:-0500
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010101T020000
        TZOFFSETFROM:-0500
        TZOFFSETTO:-0400
        RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
        END:DAYLIGHT
        END:VTIMEZONE

        """

    /// A central European zone under a made-up name, with last-Sunday rules.
    static let customCentralEurope = """
        BEGIN:VTIMEZONE
        TZID:Acme Office Time
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        DTSTART:19810329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        TZNAME:CEST
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        DTSTART:19961027T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        TZNAME:CET
        END:STANDARD
        END:VTIMEZONE

        """
}

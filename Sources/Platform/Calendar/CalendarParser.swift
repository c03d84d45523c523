import Domain
import Foundation

/// Reads the VEVENTs of iCalendar text (RFC 5545), as invitations and .ics attachments carry them.
///
/// Times are resolved to instants in the zone the calendar states (see `StatedTimeZone`), so an
/// invitation written by Outlook with a Windows zone name, by Google with an IANA one, or by a tool
/// with only its own VTIMEZONE lands on the same moment. Events without a readable DTSTART are
/// skipped; text without any VCALENDAR or VEVENT is an error.
public enum CalendarParser {
    public static func events(in text: String) throws -> [CalendarEvent] {
        let lines = ContentLine.lines(in: text)
        guard lines.contains(where: { $0.name == "BEGIN" && ["VCALENDAR", "VEVENT"].contains($0.value.trimmingWhitespace().uppercased()) }) else {
            throw CalendarParseError.notACalendar
        }
        var definitions: [String: VTimeZoneRules] = [:]
        var rawEvents: [(properties: [ContentLine], method: String?)] = []
        var components: [String] = []
        var method: String?
        var properties: [ContentLine] = []
        for line in lines {
            let isBegin = line.name == "BEGIN", isEnd = line.name == "END"
            let component = isBegin || isEnd ? line.value.trimmingWhitespace().uppercased() : ""
            if isBegin {
                components.append(component)
                if component == "VCALENDAR" { method = nil }
                if component == "VEVENT" || component == "VTIMEZONE" {
                    properties = []
                    continue
                }
            } else if isEnd {
                if component == "VEVENT", components.last == "VEVENT" {
                    rawEvents.append((properties, method))
                } else if component == "VTIMEZONE", components.last == "VTIMEZONE",
                          let tzid = properties.first(where: { $0.name == "TZID" })?.value.trimmingWhitespace(),
                          let rules = VTimeZoneRules(lines: properties) {
                    definitions[tzid] = definitions[tzid] ?? rules
                }
                if let last = components.lastIndex(of: component) { components.removeSubrange(last...) }
                if component == "VEVENT" || component == "VTIMEZONE" { continue }
            }
            if components.last == "VCALENDAR", line.name == "METHOD" {
                method = line.value.trimmingWhitespace().uppercased()
            } else if components.last == "VEVENT", !isBegin, !isEnd {
                properties.append(line)
            } else if components.contains("VTIMEZONE") {
                // TZID and the observances with their BEGIN and END lines, for VTimeZoneRules.
                properties.append(line)
            }
        }
        return rawEvents.compactMap { event(from: $0.properties, method: $0.method, definitions: definitions) }
    }

    private static func event(from properties: [ContentLine], method: String?, definitions: [String: VTimeZoneRules]) -> CalendarEvent? {
        func first(_ name: String) -> ContentLine? { properties.first { $0.name == name } }
        func text(_ name: String) -> String? {
            first(name).map(\.unescapedText).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let startLine = first("DTSTART"), let start = dateTime(startLine, definitions: definitions) else { return nil }
        var end = first("DTEND").flatMap { dateTime($0, definitions: definitions) }
        if end == nil, let duration = first("DURATION").flatMap({ CalendarValues.duration($0.value) }) {
            end = start.adding(days: duration.days, seconds: duration.seconds)
        }
        return CalendarEvent(
            uid: text("UID"),
            sequence: first("SEQUENCE").flatMap { Int($0.value.trimmingWhitespace()) } ?? 0,
            method: method,
            status: text("STATUS")?.trimmingWhitespace().uppercased(),
            summary: text("SUMMARY"),
            description: text("DESCRIPTION"),
            location: text("LOCATION"),
            url: first("URL").map { $0.value.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 },
            organizer: first("ORGANIZER").flatMap(organizer),
            start: start.value,
            end: end?.value
        )
    }

    /// `ORGANIZER;CN="Jane Doe":mailto:jane@example.com`.
    private static func organizer(_ line: ContentLine) -> MailAddress? {
        var address = line.value.trimmingWhitespace()
        if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        guard !address.isEmpty else { return nil }
        let name = line.parameters["CN"]?.trimmingWhitespace()
        return MailAddress(address, name: name?.isEmpty == false ? name : nil)
    }

    private static func dateTime(_ line: ContentLine, definitions: [String: VTimeZoneRules]) -> ResolvedDateTime? {
        let value = line.value.trimmingWhitespace()
        guard let local = CalendarValues.localSeconds(value) else { return nil }
        let dateOnly = line.parameters["VALUE"]?.uppercased() == "DATE" || value.count == 8
        if dateOnly {
            return ResolvedDateTime(local: local - local % 86_400, zone: nil, isUTC: false, isDateOnly: true)
        }
        if CalendarValues.isUTC(value) {
            return ResolvedDateTime(local: local, zone: nil, isUTC: true, isDateOnly: false)
        }
        let zone = line.parameters["TZID"].flatMap { StatedTimeZone.resolve($0, definitions: definitions) }
        return ResolvedDateTime(local: local, zone: zone, isUTC: false, isDateOnly: false)
    }
}

/// A date-time as written (local seconds) with what is known of its zone, before it becomes a
/// `CalendarDateTime`; kept so a DURATION can be added in local time.
private struct ResolvedDateTime {
    var local: Int
    var zone: StatedTimeZone?
    var isUTC: Bool
    var isDateOnly: Bool

    var value: CalendarDateTime {
        let instant = zone?.instant(ofLocal: local) ?? local
        let date = Date(timeIntervalSince1970: TimeInterval(instant))
        if isDateOnly {
            return CalendarDateTime(instant: date, timeZone: nil, isDateOnly: true, iso8601: Self.iso8601(local, offset: nil, dateOnly: true))
        }
        if isUTC {
            return CalendarDateTime(instant: date, timeZone: TimeZone(identifier: "UTC"), isDateOnly: false,
                                    iso8601: Self.iso8601(instant, offset: 0, dateOnly: false))
        }
        guard let zone else {
            return CalendarDateTime(instant: date, timeZone: nil, isDateOnly: false, iso8601: Self.iso8601(local, offset: nil, dateOnly: false))
        }
        let offset = zone.offset(at: instant)
        return CalendarDateTime(instant: date, timeZone: zone.timeZone(at: instant), isDateOnly: false,
                                iso8601: Self.iso8601(instant + offset, offset: offset, dateOnly: false))
    }

    /// Days are added to the local date (so an event keeps its wall-clock time across a change of
    /// offset), seconds to the instant.
    func adding(days: Int, seconds: Int) -> ResolvedDateTime {
        if isDateOnly {
            return ResolvedDateTime(local: local + days * 86_400 + seconds - seconds % 86_400, zone: nil, isUTC: false, isDateOnly: true)
        }
        guard let zone else {
            return ResolvedDateTime(local: local + days * 86_400 + seconds, zone: nil, isUTC: isUTC, isDateOnly: false)
        }
        let instant = zone.instant(ofLocal: local + days * 86_400) + seconds
        // Back to local time in the same zone, so `value` finds the same instant again.
        return ResolvedDateTime(local: instant + zone.offset(at: instant), zone: zone, isUTC: false, isDateOnly: false)
    }

    /// `2026-03-12T14:00:00-05:00`, `2026-03-12T14:00:00` (no offset), `2026-03-12`.
    static func iso8601(_ local: Int, offset: Int?, dateOnly: Bool) -> String {
        let fields = CivilDate.fields(secondsSinceEpoch: local)
        let date = "\(padded(fields.year, 4))-\(padded(fields.month, 2))-\(padded(fields.day, 2))"
        if dateOnly { return date }
        var text = date + "T\(padded(fields.hour, 2)):\(padded(fields.minute, 2)):\(padded(fields.second, 2))"
        if let offset {
            let magnitude = abs(offset)
            text += (offset < 0 ? "-" : "+") + padded(magnitude / 3600, 2) + ":" + padded(magnitude % 3600 / 60, 2)
        }
        return text
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

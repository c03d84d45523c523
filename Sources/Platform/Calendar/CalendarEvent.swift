import Foundation

/// One VEVENT of an iCalendar text (RFC 5545): an interview invitation, its update or its
/// cancellation, with times resolved to instants.
public struct CalendarEvent: Sendable, Equatable {
    public var uid: String?
    /// SEQUENCE: 0 when absent; a higher number is a newer version of the same UID.
    public var sequence: Int
    /// METHOD of the enclosing VCALENDAR (REQUEST, CANCEL, PUBLISH…), uppercased.
    public var method: String?
    /// STATUS (CONFIRMED, TENTATIVE, CANCELLED), uppercased.
    public var status: String?
    public var summary: String?
    public var description: String?
    public var location: String?
    public var url: String?
    /// ORGANIZER's address (without `mailto:`) and its CN as the name.
    public var organizer: MailAddress?
    public var start: CalendarDateTime
    /// DTEND, or DTSTART plus DURATION when the event gives a duration instead.
    public var end: CalendarDateTime?

    public init(uid: String? = nil, sequence: Int = 0, method: String? = nil, status: String? = nil,
                summary: String? = nil, description: String? = nil, location: String? = nil, url: String? = nil,
                organizer: MailAddress? = nil, start: CalendarDateTime, end: CalendarDateTime? = nil) {
        self.uid = uid
        self.sequence = sequence
        self.method = method
        self.status = status
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.organizer = organizer
        self.start = start
        self.end = end
    }
}

/// A DTSTART or DTEND: the moment, and how the calendar wrote it.
public struct CalendarDateTime: Sendable, Equatable {
    /// The absolute moment. Floating times and dates (which name no zone) are read as UTC.
    public var instant: Date
    /// The zone the calendar stated: the TZID's zone, a fixed-offset zone worked out from the
    /// calendar's own VTIMEZONE when the TZID is not a zone Foundation or Windows knows, or UTC for
    /// the `Z` form. Nil for floating times and plain dates.
    public var timeZone: TimeZone?
    /// VALUE=DATE: a whole day, no time.
    public var isDateOnly: Bool
    /// `2026-03-12T14:00:00-05:00` with the stated zone's offset at that instant (`+00:00` for UTC),
    /// `2026-03-12T14:00:00` for a floating time, `2026-03-12` for a date.
    public var iso8601: String

    public init(instant: Date, timeZone: TimeZone?, isDateOnly: Bool, iso8601: String) {
        self.instant = instant
        self.timeZone = timeZone
        self.isDateOnly = isDateOnly
        self.iso8601 = iso8601
    }
}

/// Why a text could not be read as iCalendar at all.
public enum CalendarParseError: Error, Equatable, CustomStringConvertible {
    /// It holds neither a VCALENDAR nor a VEVENT.
    case notACalendar

    public var description: String {
        "the text is not an iCalendar object (no BEGIN:VCALENDAR or BEGIN:VEVENT)"
    }
}

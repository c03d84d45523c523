import Foundation

/// One event of the interview calendar feed.
public struct CalendarFeedEvent: Sendable {
    /// Stable across updates, so calendar apps replace the event instead of adding another.
    public var uid: String
    /// Raised on every change, so calendar apps take the newer version.
    public var sequence: Int
    public var start: Date
    public var end: Date
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?
    /// CONFIRMED or CANCELLED.
    public var status: String?
    public var lastModified: Date

    public init(uid: String, sequence: Int = 0, start: Date, end: Date, summary: String, description: String? = nil,
                location: String? = nil, url: String? = nil, status: String? = nil, lastModified: Date) {
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
        self.lastModified = lastModified
    }
}

/// Writes the calendar feed people subscribe to from their calendar app: RFC 5545 text with CRLF
/// line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, and
/// all times in UTC so no VTIMEZONE is needed. REFRESH-INTERVAL and X-PUBLISHED-TTL ask apps to
/// fetch it hourly.
public enum CalendarFeedWriter {
    public static func document(name: String, events: [CalendarFeedEvent], now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Wayfinder//Interviews//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escaped(name),
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escaped(event.uid),
                "SEQUENCE:\(max(0, event.sequence))",
                "DTSTAMP:" + utc(now),
                "DTSTART:" + utc(event.start),
                "DTEND:" + utc(max(event.end, event.start)),
                "LAST-MODIFIED:" + utc(event.lastModified),
                "SUMMARY:" + escaped(event.summary),
            ]
            if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:" + escaped(description)) }
            if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escaped(location)) }
            if let url = event.url, !url.isEmpty { lines.append("URL:" + withoutControlCharacters(url)) }
            if let status = event.status, !status.isEmpty { lines.append("STATUS:" + escaped(status.uppercased())) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map { folded($0) + "\r\n" }.joined()
    }

    /// RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as `\n`, other control
    /// characters (which the format does not allow) dropped.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\r": output += "\\n"
            case "\n": if !previousWasCR { output += "\\n" }
            case "\t": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func withoutControlCharacters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// Lines longer than 75 octets continue on lines that start with a space (RFC 5545 §3.1), cut
    /// only between UTF-8 characters.
    static func folded(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var pieces: [String] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            while end < bytes.count, end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
            limit = 74 // the leading space counts
        }
        return pieces.joined(separator: "\r\n ")
    }

    /// `20260312T190000Z`, whole seconds.
    static func utc(_ date: Date) -> String {
        let fields = CivilDate.fields(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down)))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(fields.year)\(two(fields.month))\(two(fields.day))T\(two(fields.hour))\(two(fields.minute))\(two(fields.second))Z"
    }
}

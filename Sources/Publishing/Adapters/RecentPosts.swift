import Foundation

/// How far a lookup for an unanswered attempt reads a network's listing of recent posts, newest first.
/// The first page is not enough: while one attempt waited for its answer, the same account may have
/// posted a page or more of other messages, and a lookup that misses the post sends it a second time.
enum RecentPosts {
    /// Pages read at most; with 100 posts a page, a thousand posts made since the attempt.
    static let maximumPages = 10
    static let pageSize = 100
    /// A post older than the attempt by more than this cannot be it: the listing is read no further.
    static let allowance: TimeInterval = 600

    /// Whether the listing has gone past the attempt: its oldest post was made before it.
    static func isOlder(_ dates: [Date?], than attempt: Date) -> Bool {
        dates.compactMap { $0 }.contains { $0 < attempt.addingTimeInterval(-allowance) }
    }

    /// A next-page address is followed only on the host the channel talks to: it may carry the token.
    static func sameHost(_ next: String, as base: String) -> URL? {
        guard let url = URL(string: next), let host = url.host, host == URL(string: base)?.host else { return nil }
        return url
    }

    /// The Graph API's `created_time` and `timestamp`: "2026-12-02T15:55:29+0000".
    static func graphDate(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 7 else { return nil }
        let sign = text.dropFirst(19).first == "-" ? -1 : 1
        return date(year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4], second: digits[5],
                    offsetMinutes: sign * (digits[6] / 100 * 60 + digits[6] % 100))
    }

    /// Twilio's `date_created`: "Wed, 02 Dec 2026 15:55:29 +0000".
    static func twilioDate(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        let parts = text.split(separator: " ")
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count == 6, let day = Int(parts[1]), let month = months.firstIndex(of: parts[2].lowercased()), let year = Int(parts[3]),
              let offset = Int(parts[5]) else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let minutes = (offset < 0 ? -1 : 1) * (abs(offset) / 100 * 60 + abs(offset) % 100)
        return date(year: year, month: month + 1, day: day, hour: time[0], minute: time[1], second: time[2], offsetMinutes: minutes)
    }

    private static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components)?.addingTimeInterval(TimeInterval(-offsetMinutes * 60))
    }
}

import Foundation

/// ISO-8601 parsing and formatting shared by every edge, so a time reads and prints the same everywhere.
public enum Timestamps {
    /// Parses `2026-11-22`, `2026-11-22T10:00:00Z`, fractional seconds and numeric offsets.
    public static func parse(_ text: String) -> Date? {
        parseCommon(text) ?? parseWithFormatStyles(text)
    }

    /// The reference reading of every accepted spelling.
    static func parseWithFormatStyles(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10, let date = try? Date(trimmed, strategy: dateOnly) {
            return date
        }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        // Offsets without a colon and local times without a zone are common in feeds: read them as UTC.
        if trimmed.count == 19, let date = try? Date(trimmed + "Z", strategy: Date.ISO8601FormatStyle()) {
            return date
        }
        return nil
    }

    /// The two spellings nearly every feed uses, `2026-11-22` and `2026-11-22T10:00:00Z`, read without a
    /// format style. Only valid dates and times of years 1900–2199 are read here; anything else is left
    /// to the format styles, so both paths agree.
    static func parseCommon(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { bytes -> Date? in
            guard bytes.count == 10 || bytes.count == 20 else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for offset in start..<(start + count) {
                    let digit = Int(bytes[offset]) - 48
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  (1900...2199).contains(year), (1...12).contains(month), day >= 1,
                  day <= daysIn(month: month, year: year) else { return nil }
            var seconds = daysSince1970(year: year, month: month, day: day) * 86_400
            if bytes.count == 20 {
                guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                      bytes[19] == UInt8(ascii: "Z"), let hour = number(11, 2), let minute = number(14, 2),
                      let second = number(17, 2), hour < 24, minute < 60, second < 60 else { return nil }
                seconds += hour * 3_600 + minute * 60 + second
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (years from 1 on).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2026-11-22T10:00:00Z`: UTC, whole seconds.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    private static let dateOnly = Date.ISO8601FormatStyle().year().month().day()
}

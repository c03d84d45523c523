import Domain
import Foundation

/// Reads a Date header: RFC 5322 (`Tue, 3 Mar 2026 09:15:02 -0800`) and the forms mail programs
/// actually write: no weekday, no seconds, two-digit years, zone names (`EST`, `GMT`, `UT`, `CEST`),
/// `+05:30`, comments such as `(PST)`, ctime's `Tue Mar  3 09:15:02 2026`, and ISO 8601.
///
/// Tokens are read by what they look like rather than by position, so the order of day, month and
/// year is taken as it comes.
enum MailDate {
    struct Parsed: Equatable {
        var date: Date
        /// The offset the header wrote, nil when it named no zone (the time is then read as UTC).
        var utcOffsetSeconds: Int?
    }

    static func parse(_ text: String) -> Parsed? {
        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        var pm: Bool?
        for token in tokens(text) {
            if let first = token.first, first == "+" || first == "-", token.count > 1 {
                offset = numericOffset(token.dropFirst(), negative: first == "-") ?? offset
            } else if token.contains(":") {
                if let time = clockTime(token) {
                    (hour, minute, second) = time
                }
            } else if token.allSatisfy(\.isNumber) {
                let number = Int(token) ?? -1
                if token.count >= 3 || (day != nil && month != nil) || number > 31 {
                    if year == nil { year = token.count >= 3 ? (token.count == 3 ? 1900 + number : number) : twoDigitYear(number) }
                } else if day == nil {
                    day = number
                } else if year == nil {
                    year = twoDigitYear(number)
                }
            } else {
                let lower = token.lowercased()
                if let zone = zoneOffsets[lower] {
                    offset = zone
                } else if lower == "am" || lower == "pm" {
                    pm = lower == "pm"
                } else if let monthNumber = months[String(lower.prefix(3))], month == nil, lower.count >= 3 {
                    month = monthNumber
                }
            }
        }
        if let pm, hour <= 12 { hour = hour % 12 + (pm ? 12 : 0) }
        guard let day, let month, let year, (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let local = CivilDate.secondsSinceEpoch(year: year, month: month, day: day) + hour * 3600 + minute * 60 + min(second, 59)
        return Parsed(date: Date(timeIntervalSince1970: TimeInterval(local - (offset ?? 0))), utcOffsetSeconds: offset)
    }

    /// Words and numbers, split at spaces, commas and the dashes between date fields (`3-Mar-2026`),
    /// with comments dropped; a leading sign stays with its number. An ISO 8601 date becomes the
    /// tokens of the same date written the RFC 5322 way.
    private static func tokens(_ text: String) -> [Substring] {
        let iso = isoTokens(text)
        if !iso.isEmpty { return iso }
        var withoutComments = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")", depth > 0 { depth -= 1; continue }
            if depth == 0 { withoutComments.append(character) }
        }
        var tokens: [Substring] = []
        for word in withoutComments.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            if word.first == "+" || word.first == "-" {
                tokens.append(word)
            } else if word.contains("-") || word.contains("/") {
                tokens += word.split(whereSeparator: { $0 == "-" || $0 == "/" })
            } else {
                tokens.append(word)
            }
        }
        return tokens
    }

    /// `2026-03-03T09:15:02+01:00` (or with a space instead of `T`) as day, month name, year, time, zone.
    private static func isoTokens(_ text: String) -> [Substring] {
        let trimmed = text.trimmingWhitespace()
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let year = Int(trimmed.prefix(4)), let month = Int(trimmed.dropFirst(5).prefix(2)),
              let day = Int(trimmed.dropFirst(8).prefix(2)), (1...12).contains(month) else { return [] }
        var tokens: [Substring] = [Substring(String(day)), Substring(monthNames[month - 1]), Substring(String(year))]
        var rest = trimmed.dropFirst(10)
        guard let separator = rest.first, separator == "T" || separator == " " else { return tokens }
        rest = rest.dropFirst()
        let zoneStart = rest.firstIndex(where: { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }) ?? rest.endIndex
        var time = rest[..<zoneStart]
        if let dot = time.firstIndex(of: ".") { time = time[..<dot] }
        tokens.append(time)
        let zone = rest[zoneStart...]
        if zone == "Z" || zone == "z" { tokens.append("UT") } else if !zone.isEmpty { tokens.append(zone) }
        return tokens
    }

    private static func clockTime(_ token: Substring) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        let second = parts.count == 3 ? Int(parts[2].prefix { $0.isNumber }) ?? 0 : 0
        return (hour, minute, second)
    }

    /// `0800`, `08:00`, `08`, `8`: hours and minutes east of UTC.
    private static func numericOffset(_ digits: Substring, negative: Bool) -> Int? {
        let plain = digits.replacing(":", with: "")
        guard !plain.isEmpty, plain.count <= 4, plain.allSatisfy(\.isNumber), let value = Int(plain) else { return nil }
        let (hours, minutes) = plain.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return negative ? -seconds : seconds
    }

    /// RFC 5322 §4.3: 00–49 are 2000–2049, 50–99 are 1950–1999.
    private static func twoDigitYear(_ year: Int) -> Int {
        year < 50 ? 2000 + year : 1900 + year
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let months: [String: Int] = {
        var months = Dictionary(uniqueKeysWithValues: monthNames.enumerated().map { ($1.lowercased(), $0 + 1) })
        // German, French and Spanish abbreviations that differ, for localized mailers.
        for (name, number) in [("mär", 3), ("mai", 5), ("okt", 10), ("dez", 12), ("fév", 2), ("avr", 4),
                               ("aoû", 8), ("déc", 12), ("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12)] {
            months[name] = number
        }
        return months
    }()

    /// RFC 5322's obsolete zones, UTC spellings, and abbreviations common enough to mean one thing.
    /// Military single letters are read as UTC, as RFC 5322 advises (their sign was often wrong).
    private static let zoneOffsets: [String: Int] = {
        var zones: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 3600, "west": 3600, "cet": 3600, "met": 3600,
            "cest": 7200, "mest": 7200, "eet": 7200, "eest": 10800, "msk": 10800,
            "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
            "mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
            "akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
            "jst": 9 * 3600, "kst": 9 * 3600, "hkt": 8 * 3600, "sgt": 8 * 3600,
            "aest": 10 * 3600, "aedt": 11 * 3600, "nzst": 12 * 3600, "nzdt": 13 * 3600,
        ]
        for letter in "abcdefghiklmnopqrstuvwxy" { zones[String(letter)] = 0 }
        return zones
    }()
}

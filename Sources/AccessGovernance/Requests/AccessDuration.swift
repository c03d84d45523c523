import Foundation

/// How long access is asked for: an ISO-8601 period of days, weeks, months or years, or standing access.
public enum AccessDuration: Sendable, Equatable, Codable, CustomStringConvertible {
    case period(years: Int, months: Int, weeks: Int, days: Int)
    case permanent

    /// Reads `P2W`, `P30D`, `P1M`, `P1Y2M`, or `permanent`.
    public init?(iso text: String) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        if upper == "PERMANENT" { self = .permanent; return }
        guard upper.hasPrefix("P"), upper.count > 1 else { return nil }
        var years = 0, months = 0, weeks = 0, days = 0
        var number = ""
        var seen = false
        for character in upper.dropFirst() {
            if character.isNumber { number.append(character); continue }
            guard let value = Int(number), value >= 0 else { return nil }
            switch character {
            case "Y": years = value
            case "M": months = value
            case "W": weeks = value
            case "D": days = value
            default: return nil
            }
            number = ""
            seen = true
        }
        guard number.isEmpty, seen, years + months + weeks + days > 0 else { return nil }
        self = .period(years: years, months: months, weeks: weeks, days: days)
    }

    public var description: String {
        switch self {
        case .permanent: return "permanent"
        case let .period(years, months, weeks, days):
            var text = "P"
            if years > 0 { text += "\(years)Y" }
            if months > 0 { text += "\(months)M" }
            if weeks > 0 { text += "\(weeks)W" }
            if days > 0 { text += "\(days)D" }
            return text
        }
    }

    /// Days the grant lasts, counting a month as 30 days and a year as 365 (how policies state limits);
    /// `nil` for standing access.
    public var days: Int? {
        switch self {
        case .permanent: nil
        case let .period(years, months, weeks, days): years * 365 + months * 30 + weeks * 7 + days
        }
    }

    /// When a grant starting at `start` ends, in calendar terms (a month from 31 January is 28 or 29 February).
    public func end(from start: Date) -> Date? {
        guard case let .period(years, months, weeks, days) = self else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: years, month: months, day: weeks * 7 + days)
        return calendar.date(byAdding: components, to: start)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let duration = AccessDuration(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 period or \"permanent\": \(text)")
        }
        self = duration
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

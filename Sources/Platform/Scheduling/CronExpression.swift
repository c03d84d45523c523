import Foundation

/// A cron schedule in UTC: the 5-field form (`0 */6 * * *`), the AWS form (`cron(0 */6 * * ? *)`,
/// six fields with a year and `?`), or a shorthand (`@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`).
///
/// Fields take `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, and month and weekday
/// names. As in Vixie cron, when both day of month and day of week are restricted, a day matching
/// either fires. AWS weekdays count 1 = Sunday; 5-field weekdays count 0 (or 7) = Sunday.
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    public let source: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    /// 0 = Sunday.
    let daysOfWeek: Set<Int>
    let years: Set<Int>?
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool

    public var description: String { source }

    public init(_ text: String) throws {
        source = text
        var expression = text.trimmingCharacters(in: .whitespaces)
        let shorthands = ["@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
                          "@weekly": "0 0 * * 0", "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *"]
        if let expanded = shorthands[expression.lowercased()] { expression = expanded }
        var aws = false
        if expression.lowercased().hasPrefix("cron("), expression.hasSuffix(")") {
            aws = true
            expression = String(expression.dropFirst(5).dropLast())
        }
        let fields = expression.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count == (aws ? 6 : 5) else {
            throw CronError(text, aws ? "an AWS cron(…) expression has 6 fields: minute hour day-of-month month day-of-week year"
                                      : "a cron expression has 5 fields: minute hour day-of-month month day-of-week")
        }
        minutes = try Self.field(fields[0], name: "minute", range: 0...59, in: text)
        hours = try Self.field(fields[1], name: "hour", range: 0...23, in: text)
        daysOfMonth = try Self.field(fields[2], name: "day of month", range: 1...31, in: text, allowsQuestion: aws)
        months = try Self.field(fields[3], name: "month", range: 1...12, in: text, names: Self.monthNames)
        if aws {
            // AWS numbers weekdays 1 (Sunday) to 7 (Saturday).
            daysOfWeek = Set(try Self.field(fields[4], name: "day of week", range: 1...7, in: text, names: Self.awsDayNames, allowsQuestion: true).map { $0 - 1 })
            years = try Self.field(fields[5], name: "year", range: 1970...2199, in: text)
            if fields[2] == "?" && fields[4] == "?" || fields[2] != "?" && fields[4] != "?" {
                throw CronError(text, "an AWS cron expression needs '?' in exactly one of day-of-month and day-of-week")
            }
        } else {
            daysOfWeek = Set(try Self.field(fields[4], name: "day of week", range: 0...7, in: text, names: Self.dayNames).map { $0 % 7 })
            years = nil
        }
        dayOfMonthRestricted = !(fields[2] == "*" || fields[2] == "?")
        dayOfWeekRestricted = !(fields[4] == "*" || fields[4] == "?")
    }

    /// The first time strictly after `date` (at a whole minute) the schedule fires; nil if never
    /// (a year list entirely in the past, or the 31st of February).
    public func next(after date: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = date.addingTimeInterval(60 - date.timeIntervalSince1970.truncatingRemainder(dividingBy: 60))
        var day = calendar.startOfDay(for: start)
        let firstDay = day
        // Five years of days covers every schedule that can fire at all, leap days included.
        for _ in 0..<(366 * 5) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            if matchesDay(year: parts.year!, month: parts.month!, day: parts.day!, weekday: parts.weekday! - 1) {
                let fromMinute = day == firstDay ? Int(start.timeIntervalSince(day) / 60) : 0
                for hour in hours.sorted() where hour * 60 + 59 >= fromMinute {
                    for minute in minutes.sorted() where hour * 60 + minute >= fromMinute {
                        return day.addingTimeInterval(TimeInterval(hour * 3_600 + minute * 60))
                    }
                }
            }
            if let years, let last = years.max(), parts.year! > last { return nil }
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        return nil
    }

    private func matchesDay(year: Int, month: Int, day: Int, weekday: Int) -> Bool {
        if let years, !years.contains(year) { return false }
        guard months.contains(month) else { return false }
        let byMonthDay = daysOfMonth.contains(day), byWeekday = daysOfWeek.contains(weekday)
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): return byMonthDay || byWeekday
        case (true, false): return byMonthDay
        case (false, true): return byWeekday
        case (false, false): return true
        }
    }

    private static let monthNames = ["JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8,
                                     "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12]
    private static let dayNames = ["SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6]
    private static let awsDayNames = ["SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7]

    private static func field(_ text: String, name: String, range: ClosedRange<Int>, in expression: String,
                              names: [String: Int] = [:], allowsQuestion: Bool = false) throws -> Set<Int> {
        if text == "?" {
            guard allowsQuestion else { throw CronError(expression, "'?' is only allowed in day-of-month or day-of-week of an AWS expression") }
            return Set(range)
        }
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw CronError(expression, "\(name) '\(part)' has more than one '/'") }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value > 0 else { throw CronError(expression, "\(name) step '\(pieces[1])' must be a positive number") }
                step = value
            }
            let base = String(pieces[0])
            var bounds: ClosedRange<Int>
            if base == "*" {
                bounds = range
            } else if let dash = base.firstIndex(of: "-") {
                let low = try value(String(base[..<dash]), name: name, range: range, in: expression, names: names)
                let high = try value(String(base[base.index(after: dash)...]), name: name, range: range, in: expression, names: names)
                guard low <= high else { throw CronError(expression, "\(name) range '\(base)' runs backwards") }
                bounds = low...high
            } else {
                let single = try value(base, name: name, range: range, in: expression, names: names)
                bounds = single...(pieces.count == 2 ? range.upperBound : single)
            }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return values
    }

    private static func value(_ text: String, name: String, range: ClosedRange<Int>, in expression: String, names: [String: Int]) throws -> Int {
        if let named = names[text.uppercased()] { return named }
        guard let number = Int(text) else {
            let hint = ["L", "W", "#"].contains(where: text.uppercased().contains) ? " (L, W and # are not supported)" : ""
            throw CronError(expression, "\(name) '\(text)' is not a number\(hint)")
        }
        guard range.contains(number) else { throw CronError(expression, "\(name) \(number) is outside \(range.lowerBound)-\(range.upperBound)") }
        return number
    }
}

public struct CronError: Error, Sendable, Equatable, CustomStringConvertible {
    public var expression: String
    public var reason: String

    init(_ expression: String, _ reason: String) {
        self.expression = expression
        self.reason = reason
    }

    public var description: String { "invalid schedule '\(expression)': \(reason)" }
}

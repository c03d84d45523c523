import Foundation

/// The stretch of time the calendar shows: a month (`?month=2026-12`) or a week from Monday
/// (`?week=2026-12-07`), in UTC like every time on the publisher's pages.
struct CalendarPeriod: Equatable {
    enum Scale: Equatable { case month, week }

    var scale: Scale
    /// The first instant shown and the first one after.
    var start: Date
    var end: Date

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        calendar.firstWeekday = 2
        return calendar
    }()

    /// The period a query names; an unreadable or missing one is the month (or week) of `now`.
    static func from(month: String?, week: String?, now: Date) -> CalendarPeriod {
        if let week, let day = day(week) { return self.week(containing: day) }
        if let month, month.wholeMatch(of: /\d{4}-\d{2}/) != nil, let day = day(month + "-01") { return self.month(containing: day) }
        return month == nil && week != nil ? self.week(containing: now) : self.month(containing: now)
    }

    static func month(containing date: Date) -> CalendarPeriod {
        let start = calendar.dateInterval(of: .month, for: date)!
        return CalendarPeriod(scale: .month, start: start.start, end: start.end)
    }

    static func week(containing date: Date) -> CalendarPeriod {
        let interval = calendar.dateInterval(of: .weekOfYear, for: date)!
        return CalendarPeriod(scale: .week, start: interval.start, end: interval.end)
    }

    /// `2026-12-07` at midnight UTC, when it is a real date.
    static func day(_ text: String) -> Date? {
        guard text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    var previous: CalendarPeriod {
        scale == .month ? Self.month(containing: start.addingTimeInterval(-86_400)) : Self.week(containing: start.addingTimeInterval(-86_400))
    }

    var next: CalendarPeriod { scale == .month ? Self.month(containing: end) : Self.week(containing: end) }

    /// `month=2026-12` or `week=2026-12-07`.
    var query: String { scale == .month ? "month=\(PostingText.isoDate(start).prefix(7))" : "week=\(PostingText.isoDate(start))" }

    var title: String {
        let components = Self.calendar.dateComponents([.year, .month], from: start)
        let month = Self.monthNames[(components.month ?? 1) - 1]
        return scale == .month ? "\(month) \(components.year ?? 0)" : "Week of \(PostingText.date(start))"
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                             "December"]

    /// The days drawn, Monday to Sunday, whole weeks around the period; each with whether it is in it.
    var weeks: [[(day: Date, inPeriod: Bool)]] {
        let first = Self.calendar.dateInterval(of: .weekOfYear, for: start)!.start
        let last = Self.calendar.dateInterval(of: .weekOfYear, for: end.addingTimeInterval(-1))!.end
        var days: [(Date, Bool)] = []
        var day = first
        while day < last {
            days.append((day, day >= start && day < end))
            day = Self.calendar.date(byAdding: .day, value: 1, to: day)!
        }
        return stride(from: 0, to: days.count, by: 7).map { Array(days[$0..<min($0 + 7, days.count)]) }
    }
}

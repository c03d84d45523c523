import Domain
import Foundation

/// A calendar's own VTIMEZONE: its STANDARD and DAYLIGHT observances, evaluated to get the offset in
/// force at an instant. Used for TZIDs no zone database knows (`Customized Time Zone`, made-up names).
///
/// Each observance starts at its DTSTART (a local time in the offset it changes from) and, with a
/// yearly RRULE (`BYMONTH=3;BYDAY=2SU`, `BYDAY=-1SU`, or `BYMONTHDAY=8,9,…,14;BYDAY=SU`), again every
/// year until UNTIL or COUNT; RDATEs add single onsets. The offset at an instant is the TZOFFSETTO of
/// the latest onset before it.
struct VTimeZoneRules {
    struct Observance {
        /// DTSTART as local seconds since 1970 (read as UTC).
        var start: Int
        var offsetFrom: Int
        var offsetTo: Int
        var rule: YearlyRule?
        /// RDATEs as local seconds.
        var extraOnsets: [Int]
    }

    struct YearlyRule {
        var month: Int?
        /// 0 for Sunday … 6 for Saturday.
        var weekday: Int?
        /// 1…5 from the month's start, -1…-5 from its end; nil for every such weekday.
        var ordinal: Int?
        var monthDays: [Int]
        var interval: Int
        /// UNTIL as UTC seconds.
        var until: Int?
        /// COUNT: how many yearly onsets there are, the first at DTSTART.
        var count: Int?
    }

    var observances: [Observance]

    /// From the content lines between BEGIN:VTIMEZONE and END:VTIMEZONE. Nil when no observance
    /// states an offset.
    init?(lines: [ContentLine]) {
        var observances: [Observance] = []
        var current: [ContentLine]?
        for line in lines {
            if line.name == "BEGIN", ["STANDARD", "DAYLIGHT"].contains(line.value.uppercased()) {
                current = []
            } else if line.name == "END", ["STANDARD", "DAYLIGHT"].contains(line.value.uppercased()) {
                if let properties = current, let observance = Self.observance(properties) { observances.append(observance) }
                current = nil
            } else {
                current?.append(line)
            }
        }
        guard !observances.isEmpty else { return nil }
        self.observances = observances
    }

    func offset(at instant: Int) -> Int {
        let year = CivilDate.fields(secondsSinceEpoch: instant).year
        var latest: (onset: Int, offset: Int)?
        var earliest: (onset: Int, offset: Int)?
        for observance in observances {
            for onset in onsets(of: observance, around: year) {
                if onset <= instant, latest == nil || onset > latest!.onset { latest = (onset, observance.offsetTo) }
                if earliest == nil || onset < earliest!.onset { earliest = (onset, observance.offsetFrom) }
            }
        }
        return latest?.offset ?? earliest?.offset ?? observances[0].offsetTo
    }

    /// The observance's onsets (as UTC seconds) that can be the latest before an instant in `year`.
    private func onsets(of observance: Observance, around year: Int) -> [Int] {
        var local = [observance.start] + observance.extraOnsets
        if let rule = observance.rule {
            let start = CivilDate.fields(secondsSinceEpoch: observance.start)
            let timeOfDay = start.hour * 3600 + start.minute * 60 + start.second
            for candidateYear in (year - 1)...(year + 1) where candidateYear >= start.year {
                if (candidateYear - start.year) % max(rule.interval, 1) != 0 { continue }
                if let count = rule.count, (candidateYear - start.year) / max(rule.interval, 1) >= count { continue }
                guard let day = Self.day(of: rule, in: candidateYear, defaultMonth: start.month) else { continue }
                let onset = CivilDate.secondsSinceEpoch(year: candidateYear, month: day.month, day: day.day) + timeOfDay
                if onset < observance.start { continue }
                if let until = rule.until, onset - observance.offsetFrom > until { continue }
                local.append(onset)
            }
        }
        return local.map { $0 - observance.offsetFrom }
    }

    private static func day(of rule: YearlyRule, in year: Int, defaultMonth: Int) -> (month: Int, day: Int)? {
        let month = rule.month ?? defaultMonth
        let length = CivilDate.daysIn(month: month, year: year)
        guard length > 0 else { return nil }
        guard let weekday = rule.weekday else {
            return rule.monthDays.first.map { (month, $0 > 0 ? $0 : length + 1 + $0) }
        }
        if !rule.monthDays.isEmpty {
            let days = rule.monthDays.map { $0 > 0 ? $0 : length + 1 + $0 }.sorted()
            return days.first { CivilDate.weekday(year: year, month: month, day: $0) == weekday }.map { (month, $0) }
        }
        let ordinal = rule.ordinal ?? 1
        if ordinal > 0 {
            let first = CivilDate.weekday(year: year, month: month, day: 1)
            let day = 1 + (weekday - first + 7) % 7 + (ordinal - 1) * 7
            return day <= length ? (month, day) : (month, day - 7)
        }
        let last = CivilDate.weekday(year: year, month: month, day: length)
        let day = length - (last - weekday + 7) % 7 + (ordinal + 1) * 7
        return day >= 1 ? (month, day) : (month, day + 7)
    }

    private static func observance(_ lines: [ContentLine]) -> Observance? {
        guard let to = lines.first(where: { $0.name == "TZOFFSETTO" }).flatMap({ utcOffset($0.value) }) else { return nil }
        let from = lines.first(where: { $0.name == "TZOFFSETFROM" }).flatMap { utcOffset($0.value) } ?? to
        let start = lines.first(where: { $0.name == "DTSTART" }).flatMap { CalendarValues.localSeconds($0.value) }
            ?? CivilDate.secondsSinceEpoch(year: 1970, month: 1, day: 1)
        let extra = lines.filter { $0.name == "RDATE" }.flatMap { $0.value.split(separator: ",") }
            .compactMap { CalendarValues.localSeconds(String($0)) }
        let rule = lines.first(where: { $0.name == "RRULE" }).flatMap { yearlyRule($0.value) }
        return Observance(start: start, offsetFrom: from, offsetTo: to, rule: rule, extraOnsets: extra)
    }

    private static func yearlyRule(_ text: String) -> YearlyRule? {
        var parts: [String: String] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[pair[0].uppercased()] = String(pair[1]) }
        }
        guard parts["FREQ"]?.uppercased() == "YEARLY" else { return nil }
        var rule = YearlyRule(month: parts["BYMONTH"].flatMap { Int($0.split(separator: ",").first ?? "") },
                              monthDays: parts["BYMONTHDAY"]?.split(separator: ",").compactMap { Int($0) } ?? [],
                              interval: parts["INTERVAL"].flatMap { Int($0) } ?? 1)
        if let byDay = parts["BYDAY"]?.split(separator: ",").first {
            let letters = byDay.suffix(2).uppercased()
            rule.weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"].firstIndex(of: letters)
            rule.ordinal = Int(byDay.dropLast(2).replacing("+", with: ""))
        }
        if let until = parts["UNTIL"] {
            rule.until = CalendarValues.localSeconds(until)
        }
        rule.count = parts["COUNT"].flatMap { Int($0) }
        return rule
    }

    /// `-0500`, `+0530`, `+053000`.
    static func utcOffset(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        guard let sign = trimmed.first, sign == "+" || sign == "-" else { return nil }
        let digits = trimmed.dropFirst()
        guard digits.count >= 4, digits.allSatisfy(\.isNumber), let hours = Int(digits.prefix(2)),
              let minutes = Int(digits.dropFirst(2).prefix(2)) else { return nil }
        let seconds = digits.count >= 6 ? Int(digits.dropFirst(4).prefix(2)) ?? 0 : 0
        let total = hours * 3600 + minutes * 60 + seconds
        return sign == "-" ? -total : total
    }
}

/// Proleptic Gregorian calendar arithmetic on plain integers, for parsers that turn written dates
/// into instants many times a second: no Calendar or DateFormatter, no allocation, no locale.
///
/// Days are counted from 1970-01-01 with Howard Hinnant's `days_from_civil` algorithm.
public enum CivilDate {
    /// Midnight UTC of that date, in seconds since 1970. Months outside 1...12 carry into the year.
    public static func secondsSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        daysSinceEpoch(year: year, month: month, day: day) * 86_400
    }

    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let carried = month - 1
        let year = year + (carried >= 0 ? carried / 12 : (carried - 11) / 12)
        let month = (carried % 12 + 12) % 12 + 1
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public struct Fields: Equatable, Sendable {
        public var year: Int, month: Int, day: Int
        public var hour: Int, minute: Int, second: Int
    }

    /// The date and time of day of a count of seconds since 1970 (read as UTC).
    public static func fields(secondsSinceEpoch seconds: Int) -> Fields {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let shiftedDays = days + 719_468
        let era = (shiftedDays >= 0 ? shiftedDays : shiftedDays - 146_096) / 146_097
        let dayOfEra = shiftedDays - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Fields(year: year, month: month, day: day,
                      hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    /// 0 for Sunday through 6 for Saturday.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return ((days % 7) + 7 + 4) % 7 // 1970-01-01 was a Thursday
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        case 1...12: 31
        default: 0
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}

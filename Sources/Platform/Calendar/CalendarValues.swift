import Domain

/// Reads iCalendar DATE, DATE-TIME, DURATION and UTC-OFFSET values into integers.
enum CalendarValues {
    /// `20260312`, `20260312T140000` or `20260312T140000Z` as seconds since 1970 read as UTC (the
    /// caller knows which zone they are in). Nil for anything else.
    static func localSeconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8.filter { !$0.isMailWhitespace })
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        let date = CivilDate.secondsSinceEpoch(year: year, month: month, day: day)
        guard bytes.count > 8 else { return date }
        guard bytes[8] | 0x20 == UInt8(ascii: "t"), let hour = number(9..<11), let minute = number(11..<13),
              hour < 24, minute < 60 else { return nil }
        let second = number(13..<15) ?? 0
        return date + hour * 3600 + minute * 60 + min(second, 59)
    }

    /// Whether a DATE-TIME value ends in `Z` (UTC).
    static func isUTC(_ text: String) -> Bool {
        text.trimmingWhitespace().last.map { $0 == "Z" || $0 == "z" } ?? false
    }

    /// A DURATION (`P1DT2H30M`, `PT45M`, `-P1W`) as whole days (nominal: the same local time days
    /// later) and seconds (exact). Nil when it is not one.
    static func duration(_ text: String) -> (days: Int, seconds: Int)? {
        var characters = Substring(text.trimmingWhitespace().uppercased())
        var sign = 1
        if characters.first == "-" || characters.first == "+" {
            sign = characters.first == "-" ? -1 : 1
            characters = characters.dropFirst()
        }
        guard characters.first == "P" else { return nil }
        characters = characters.dropFirst()
        var days = 0, seconds = 0, number = "", inTime = false, sawUnit = false
        for character in characters {
            if character.isNumber {
                number.append(character)
                continue
            }
            if character == "T" {
                inTime = true
                continue
            }
            guard let value = Int(number) else { return nil }
            number = ""
            sawUnit = true
            switch (character, inTime) {
            case ("W", false): days += value * 7
            case ("D", false): days += value
            case ("H", true): seconds += value * 3600
            case ("M", true): seconds += value * 60
            case ("S", true): seconds += value
            default: return nil
            }
        }
        guard sawUnit, number.isEmpty else { return nil }
        return (sign * days, sign * seconds)
    }
}

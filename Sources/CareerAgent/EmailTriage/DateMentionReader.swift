import Foundation

/// A calendar day a message names, resolved to year, month and day.
struct DateMention: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var first: Int
    var last: Int
}

/// Finds the days a message names: "March 12", "12 March 2026", "Thursday, 3/12", "12.03.2026",
/// "2026-03-12", "le 12 mars", "12 de marzo", "tomorrow", "this Thursday", "am Dienstag". A day without a
/// year is the next one on or after the message's own day (a message speaks of what comes).
struct DateMentionReader {
    let tokens: [TimeToken]
    let reference: Date?
    let writerZone: TimeZone

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = writerZone
        return calendar
    }

    /// The message's own day, where relative words count from.
    private var today: DateComponents? {
        reference.map { calendar.dateComponents([.year, .month, .day, .weekday], from: $0) }
    }

    func mentions() -> [DateMention] {
        var found: [DateMention] = []
        var index = 0
        while index < tokens.count {
            if let mention = explicitDate(at: index) ?? relativeDay(at: index) ?? weekday(at: index) {
                found.append(mention)
                index = mention.last + 1
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: Written dates

    private func explicitDate(at start: Int) -> DateMention? {
        var index = start
        // An optional weekday in front: "Thursday, March 12", "jeudi 12 mars", "Donnerstag, den 12. März".
        var weekdayFirst: Int?
        if CalendarWords.weekdays[tokens[index].text] != nil, tokens[index].kind == .word {
            weekdayFirst = index
            index += 1
            if index < tokens.count, tokens[index].isWord("feira") || tokens[index].isSymbol("-") {
                while index < tokens.count, tokens[index].isSymbol("-") || tokens[index].isWord("feira") { index += 1 }
            }
            while index < tokens.count, tokens[index].isSymbol(",") || tokens[index].isSymbol(".") || ["den", "the", "le", "el", "de"].contains(tokens[index].text) {
                index += 1
            }
        }
        guard index < tokens.count else { return nil }
        let first = weekdayFirst ?? index
        if let (month, day, year, last) = monthThenDay(at: index) ?? dayThenMonth(at: index) ?? numeric(at: index) {
            guard let resolved = resolve(month: month, day: day, year: year) else { return nil }
            return DateMention(year: resolved.year, month: month, day: day, first: first, last: last)
        }
        return nil
    }

    /// "March 12", "Mar. 12th, 2026"
    private func monthThenDay(at index: Int) -> (Int, Int, Int?, Int)? {
        guard tokens[index].kind == .word, let month = CalendarWords.months[tokens[index].text] else { return nil }
        var next = index + 1
        if next < tokens.count, tokens[next].isSymbol(".") { next += 1 }
        guard next < tokens.count, let day = tokens[next].number, tokens[next].text.count <= 2, (1...31).contains(day) else { return nil }
        var last = next
        next += 1
        if next < tokens.count, tokens[next].kind == .word, CalendarWords.ordinalSuffixes.contains(tokens[next].text) { last = next; next += 1 }
        let (year, yearLast) = self.year(after: next)
        return (month, day, year, yearLast ?? last)
    }

    /// "12 March 2026", "12. März", "12th of March", "12 de marzo de 2026", "le 12 mars"
    private func dayThenMonth(at index: Int) -> (Int, Int, Int?, Int)? {
        guard let day = tokens[index].number, tokens[index].text.count <= 2, (1...31).contains(day) else { return nil }
        var next = index + 1
        while next < tokens.count, tokens[next].isSymbol(".") || (tokens[next].kind == .word && (CalendarWords.ordinalSuffixes.contains(tokens[next].text) || tokens[next].text == "of")) {
            next += 1
        }
        guard next < tokens.count, tokens[next].kind == .word, let month = CalendarWords.months[tokens[next].text] else { return nil }
        // "may" is also a verb: "12 may be" is not a date.
        if tokens[next].text == "may", next + 1 < tokens.count, tokens[next + 1].kind == .word, tokens[next + 1].text != "de" { return nil }
        let last = next
        next += 1
        if next < tokens.count, tokens[next].isSymbol(".") { next += 1 }
        let (year, yearLast) = self.year(after: next)
        return (month, day, year, yearLast ?? last)
    }

    /// "3/12", "3/12/2026", "12.03.2026", "12.03.", "2026-03-12"
    private func numeric(at index: Int) -> (Int, Int, Int?, Int)? {
        guard tokens[index].kind == .number else { return nil }
        // ISO: 2026-03-12
        if tokens[index].text.count == 4, index + 4 < tokens.count, tokens[index + 1].isSymbol("-"), tokens[index + 3].isSymbol("-"),
           let year = tokens[index].number, let month = tokens[index + 2].number, let day = tokens[index + 4].number,
           (1...12).contains(month), (1...31).contains(day) {
            return (month, day, year, index + 4)
        }
        guard index + 2 < tokens.count, tokens[index].text.count <= 2, let a = tokens[index].number, let b = tokens[index + 2].number,
              tokens[index + 2].text.count <= 2 else { return nil }
        let separator = tokens[index + 1]
        guard separator.isSymbol("/") || separator.isSymbol(".") else { return nil }
        var last = index + 2, year: Int?
        if index + 4 < tokens.count, tokens[index + 3].isSymbol(separator.text.first!), let y = tokens[index + 4].number,
           tokens[index + 4].text.count == 4 || tokens[index + 4].text.count == 2 {
            year = y < 100 ? 2000 + y : y
            last = index + 4
        } else if separator.isSymbol(".") {
            // "14.30" is a time; a dotted date without a year needs its closing dot: "12.03."
            guard index + 3 < tokens.count, tokens[index + 3].isSymbol(".") else { return nil }
            last = index + 3
        }
        // Slashes are month first (American), dots day first (European); a first number over 12 settles it.
        let dayFirst = separator.isSymbol(".") || a > 12
        let (month, day) = dayFirst ? (b, a) : (a, b)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (month, day, year, last)
    }

    private func year(after index: Int) -> (Int?, Int?) {
        var next = index
        while next < tokens.count, tokens[next].isSymbol(",") || tokens[next].isWord("de") || tokens[next].isSymbol(".") { next += 1 }
        if next < tokens.count, tokens[next].kind == .number, tokens[next].text.count == 4, let year = tokens[next].number,
           (2000...2100).contains(year) {
            return (year, next)
        }
        return (nil, nil)
    }

    // MARK: Relative days

    private func relativeDay(at index: Int) -> DateMention? {
        guard tokens[index].kind == .word else { return nil }
        var word = tokens[index].text
        var last = index
        // "day after tomorrow", "pasado mañana", "après-demain"
        if word == "day", index + 2 < tokens.count, tokens[index + 1].isWord("after"), tokens[index + 2].isWord("tomorrow") {
            return shifted(days: 2, first: index, last: index + 2)
        }
        if word == "pasado", index + 1 < tokens.count, tokens[index + 1].isWord("manana") { return shifted(days: 2, first: index, last: index + 1) }
        if word == "apres", index + 2 < tokens.count, tokens[index + 1].isSymbol("-"), tokens[index + 2].isWord("demain") {
            return shifted(days: 2, first: index, last: index + 2)
        }
        if word == "aujourd", index + 2 < tokens.count, tokens[index + 1].isSymbol("'") { word = "aujourd'hui"; last = index + 2 }
        if let days = CalendarWords.relativeDays[word] { return shifted(days: days, first: index, last: last) }
        if let guards = CalendarWords.guardedTomorrow[word] {
            if index > 0, guards.contains(tokens[index - 1].text) { return nil }
            // "Morgen" as a noun: "am Morgen", "in de morgen", "des Morgens"
            if index > 0, ["am", "de", "des", "la", "in", "vom", "pela"].contains(tokens[index - 1].text) { return nil }
            return shifted(days: 1, first: index, last: index)
        }
        return nil
    }

    private func shifted(days: Int, first: Int, last: Int) -> DateMention? {
        guard let reference, let day = calendar.date(byAdding: .day, value: days, to: reference) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return DateMention(year: parts.year!, month: parts.month!, day: parts.day!, first: first, last: last)
    }

    /// "Thursday", "this Thursday", "next Monday", "am Dienstag", "jeudi prochain": the next such day after the message's.
    private func weekday(at index: Int) -> DateMention? {
        guard tokens[index].kind == .word, let weekday = CalendarWords.weekdays[tokens[index].text], tokens[index].text.count > 3,
              let today, let todayWeekday = today.weekday, let reference else { return nil }
        var last = index
        if index + 2 < tokens.count, tokens[index + 1].isSymbol("-"), tokens[index + 2].isWord("feira") { last = index + 2 }
        var ahead = (weekday - todayWeekday + 7) % 7
        if ahead == 0 { ahead = 7 }
        guard let day = calendar.date(byAdding: .day, value: ahead, to: reference) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        let first = index > 0 && ["this", "next", "on", "coming", "diesen", "nachsten", "kommenden", "am", "ce", "este", "proximo",
                                  "volgende", "deze", "aanstaande", "na", "proxima", "esta"].contains(tokens[index - 1].text) ? index - 1 : index
        return DateMention(year: parts.year!, month: parts.month!, day: parts.day!, first: first, last: last)
    }

    /// A written day without a year is this year's, or next year's once this year's is well past.
    private func resolve(month: Int, day: Int, year: Int?) -> (year: Int, Void)? {
        if let year { return (year, ()) }
        guard let today, let thisYear = today.year, let todayMonth = today.month, let todayDay = today.day else { return nil }
        let daysBack = (todayMonth - month) * 31 + (todayDay - day)
        return (daysBack > 60 ? thisYear + 1 : thisYear, ())
    }
}

import Foundation

/// A time of day a message names, with the date and zone it is given in where the message says them.
struct TextSlot: Sendable, Equatable {
    var year: Int?
    var month: Int?
    var day: Int?
    var hour: Int
    var minute: Int
    var endHour: Int?
    var endMinute: Int?
    var zone: TextZone?
    /// Token positions, for "which comes after the word 'moved to'" questions.
    var firstToken: Int
    var lastToken: Int
    var evidence: String

    var hasDate: Bool { month != nil && day != nil && year != nil }

    /// Minutes from start to end, when the message gives a range ("2:00–2:45 PM").
    var rangeMinutes: Int? {
        guard let endHour, let endMinute else { return nil }
        let minutes = (endHour * 60 + endMinute) - (hour * 60 + minute)
        return minutes > 0 && minutes <= 8 * 60 ? minutes : nil
    }
}

/// The zone a time is stated in: an IANA zone (offset by the date) or a fixed offset ("UTC+2").
enum TextZone: Sendable, Hashable {
    case named(String)
    case fixed(seconds: Int)

    var timeZone: TimeZone? {
        switch self {
        case .named(let identifier): ZoneNames.zone(identifier)
        case .fixed(let seconds): TimeZone(secondsFromGMT: seconds)
        }
    }

    var identifier: String {
        switch self {
        case .named(let identifier): identifier
        case .fixed(let seconds): seconds == 0 ? "UTC" : String(format: "UTC%@%02d:%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        }
    }
}

/// Reads dates, times of day and zones from folded text (see `TriageMessage.fold`) and pairs them:
/// "Thursday, March 12 at 2:00 PM CT", "tomorrow at 10am ET", "am 12. März um 14:00 Uhr (MEZ)",
/// "le jeudi 12 mars à 14h30, heure de Paris". Relative dates count from `reference` in `writerZone`.
struct TextTimeReader {
    let reference: Date?
    let writerZone: TimeZone

    func slots(in folded: String) -> [TextSlot] {
        let tokens = TimeTokenizer.tokens(folded)
        let dates = DateMentionReader(tokens: tokens, reference: reference, writerZone: writerZone).mentions()
        var slots: [TextSlot] = []
        let characters = Array(folded)
        var index = 0
        while index < tokens.count {
            guard let time = timeOfDay(tokens, at: index) else { index += 1; continue }
            var slot = TextSlot(hour: time.hour, minute: time.minute, endHour: time.endHour, endMinute: time.endMinute,
                                zone: time.zone, firstToken: index, lastToken: time.next - 1, evidence: "")
            if let date = nearestDate(dates, tokens: tokens, timeStart: index, timeEnd: time.next) {
                (slot.year, slot.month, slot.day) = (date.year, date.month, date.day)
                slot.firstToken = min(slot.firstToken, date.first)
                slot.lastToken = max(slot.lastToken, date.last)
            }
            slot.evidence = Self.text(tokens, from: slot.firstToken, through: slot.lastToken, characters: characters)
            slots.append(slot)
            index = time.next
        }
        // A zone the message states once ("all times are Eastern Time") applies to times written without one.
        let stated = Set(slots.compactMap(\.zone)).union(statedZones(tokens))
        if stated.count == 1, let only = stated.first {
            for index in slots.indices where slots[index].zone == nil { slots[index].zone = only }
        }
        return slots
    }

    // MARK: Times of day

    struct TimeOfDay {
        var hour: Int
        var minute: Int
        var endHour: Int?
        var endMinute: Int?
        var zone: TextZone?
        /// The first token after the time, its range and its zone.
        var next: Int
    }

    private enum Meridiem { case am, pm }

    /// A time at `index`, with an end time and a zone when they follow it.
    func timeOfDay(_ tokens: [TimeToken], at index: Int) -> TimeOfDay? {
        guard let start = clock(tokens, at: index, bareNumberAllowed: true) else { return nil }
        var result = TimeOfDay(hour: start.hour, minute: start.minute, next: start.next)
        var next = start.next
        var meridiem = start.meridiem
        // A range: "2:00 - 2:45 PM", "14:00 bis 15:00 Uhr", "from 2 to 3pm".
        if next < tokens.count, tokens[next].isSymbol("-") || ["to", "until", "till", "bis", "a", "tot", "ate", "au", "-"].contains(tokens[next].text) {
            if let end = clock(tokens, at: next + 1, bareNumberAllowed: true) {
                var endHour = end.hour
                if let endMeridiem = end.meridiem { meridiem = meridiem ?? endMeridiem; endHour = Self.apply(endMeridiem, to: end.hour) }
                else if let meridiem { endHour = Self.apply(meridiem, to: end.hour) }
                if end.meridiem != nil || end.hasMinutes || start.hasMinutes || start.meridiem != nil {
                    result.endHour = endHour
                    result.endMinute = end.minute
                    next = end.next
                }
            }
        }
        guard meridiem != nil || start.hasMinutes || start.hasHourWord else { return nil }
        result.hour = meridiem.map { Self.apply($0, to: start.hour) } ?? start.hour
        // "the 2:00 call": nobody interviews at two in the morning; a clock this early without am/pm is the afternoon.
        if meridiem == nil, !start.hasHourWord, start.hasMinutes, (1...6).contains(start.hour) { result.hour = start.hour + 12 }
        if meridiem == nil, !start.hasHourWord, let endHour = result.endHour, endHour < result.hour, endHour + 12 <= 23 {
            result.endHour = endHour + 12
        }
        if let (zone, after) = zone(tokens, at: next, afterMeridiem: meridiem != nil) {
            result.zone = zone
            next = after
        }
        result.next = next
        return result
    }

    private struct Clock {
        var hour: Int
        var minute: Int
        var meridiem: Meridiem?
        var hasMinutes: Bool
        /// "Uhr", "h", "uur": a 24-hour time without minutes.
        var hasHourWord: Bool
        var next: Int
    }

    private func clock(_ tokens: [TimeToken], at index: Int, bareNumberAllowed: Bool = false) -> Clock? {
        guard index < tokens.count else { return nil }
        if tokens[index].isWord("noon") || tokens[index].isWord("midday") || tokens[index].isWord("mittag") {
            return Clock(hour: 12, minute: 0, meridiem: nil, hasMinutes: true, hasHourWord: true, next: index + 1)
        }
        guard let hour = tokens[index].number, tokens[index].text.count <= 2, hour <= 24 else { return nil }
        // Not part of a date, a phone number or an amount: "12.03.2026", "555-0134", "$120,000".
        if index > 0, tokens[index - 1].isSymbol("$") || tokens[index - 1].isSymbol("/") || tokens[index - 1].isSymbol("+") { return nil }
        if index > 1, tokens[index - 1].isSymbol("."), tokens[index - 2].kind == .number { return nil }
        if index > 1, tokens[index - 1].isSymbol(":"), tokens[index - 2].kind == .number { return nil }
        var next = index + 1
        var minute = 0, hasMinutes = false, hasHourWord = false
        if next + 1 < tokens.count, tokens[next].isSymbol(":") || tokens[next].isSymbol("."),
           tokens[next + 1].kind == .number, tokens[next + 1].text.count == 2, let minutes = tokens[next + 1].number, minutes < 60 {
            // "12.03.2026" is a date, not a time.
            if next + 2 < tokens.count, tokens[next + 2].isSymbol("."), next + 3 < tokens.count, tokens[next + 3].kind == .number { return nil }
            if next + 2 < tokens.count, tokens[next + 2].isSymbol("/") { return nil }
            minute = minutes
            hasMinutes = true
            next += 2
            // Seconds, rarely written: "14:00:00".
            if next + 1 < tokens.count, tokens[next].isSymbol(":"), tokens[next + 1].kind == .number { next += 2 }
        }
        if next < tokens.count, tokens[next].kind == .word, ["h", "uhr", "uur", "hrs", "hs", "horas", "heures", "ore"].contains(tokens[next].text) {
            if tokens[next].text == "h", next + 1 < tokens.count, tokens[next + 1].kind == .number, tokens[next + 1].text.count == 2,
               let minutes = tokens[next + 1].number, minutes < 60, !hasMinutes {
                minute = minutes
                hasMinutes = true
                next += 1
            }
            hasHourWord = true
            next += 1
        }
        let (meridiem, afterMeridiem) = self.meridiem(tokens, at: next)
        if meridiem != nil { guard hour >= 1, hour <= 12 else { return nil } }
        guard meridiem != nil || hasMinutes || hasHourWord || bareNumberAllowed else { return nil }
        return Clock(hour: hour, minute: minute, meridiem: meridiem, hasMinutes: hasMinutes, hasHourWord: hasHourWord, next: afterMeridiem)
    }

    private func meridiem(_ tokens: [TimeToken], at index: Int) -> (Meridiem?, Int) {
        guard index < tokens.count, tokens[index].kind == .word else { return (nil, index) }
        switch tokens[index].text {
        case "am": return (.am, index + 1)
        case "pm": return (.pm, index + 1)
        case "a", "p":
            // "a.m." / "p.m."
            if index + 2 < tokens.count, tokens[index + 1].isSymbol("."), tokens[index + 2].isWord("m") {
                let after = index + 3 < tokens.count && tokens[index + 3].isSymbol(".") ? index + 4 : index + 3
                return (tokens[index].text == "a" ? .am : .pm, after)
            }
            return (nil, index)
        default: return (nil, index)
        }
    }

    private static func apply(_ meridiem: Meridiem, to hour: Int) -> Int {
        switch meridiem {
        case .am: hour == 12 ? 0 : hour
        case .pm: hour == 12 ? 12 : hour + 12
        }
    }

    // MARK: Dates

    /// The date written nearest before the time on its line (or the line before), else right after it.
    private func nearestDate(_ dates: [DateMention], tokens: [TimeToken], timeStart: Int, timeEnd: Int) -> DateMention? {
        let before = dates.filter { $0.last < timeStart && timeStart - $0.last <= 10 && !Self.crossesBlankLine(tokens, $0.last, timeStart) }
        if let closest = before.max(by: { $0.last < $1.last }) { return closest }
        let after = dates.filter { $0.first >= timeEnd && $0.first - timeEnd <= 6 && !Self.crossesLine(tokens, timeEnd, $0.first) }
        return after.min(by: { $0.first < $1.first })
    }

    private static func crossesLine(_ tokens: [TimeToken], _ from: Int, _ to: Int) -> Bool {
        tokens[min(from, to)..<max(from, to)].contains { $0.kind == .lineBreak }
    }

    private static func crossesBlankLine(_ tokens: [TimeToken], _ from: Int, _ to: Int) -> Bool {
        tokens[min(from, to)..<max(from, to)].filter { $0.kind == .lineBreak }.count > 2
    }

    static func text(_ tokens: [TimeToken], from first: Int, through last: Int, in folded: String) -> String {
        text(tokens, from: first, through: last, characters: Array(folded))
    }

    static func text(_ tokens: [TimeToken], from first: Int, through last: Int, characters: [Character]) -> String {
        guard first <= last, last < tokens.count else { return "" }
        let start = tokens[first].offset, end = tokens[last].offset + tokens[last].text.count
        guard start < end, end <= characters.count else { return "" }
        return String(characters[start..<end]).replacingOccurrences(of: "\n", with: " ")
    }
}

import Foundation

/// Reads the date line of a forwarded message's header, which mail programs write in their own ways:
/// "Tue, Mar 3, 2026 at 9:15 AM", "March 3, 2026 at 9:15:02 AM PST", "Tue, 3 Mar 2026 09:15:02 -0800",
/// "Dienstag, 3. März 2026 um 09:15".
enum LooseDateReader {
    static func headerDate(_ value: String) -> (date: Date, offsetSeconds: Int?)? {
        let folded = TriageMessage.fold(value)
        let tokens = TimeTokenizer.tokens(folded)
        let utc = TimeZone(identifier: "UTC")!
        guard let day = DateMentionReader(tokens: tokens, reference: nil, writerZone: utc).mentions().first else { return nil }
        let reader = TextTimeReader(reference: nil, writerZone: utc)
        var hour = 0, minute = 0, zone: TimeZone?
        var offset: Int?
        var index = day.last + 1
        while index < tokens.count {
            if let time = reader.timeOfDay(tokens, at: index) {
                (hour, minute) = (time.hour, time.minute)
                zone = time.zone?.timeZone
                index = time.next
                break
            }
            index += 1
        }
        // A numeric offset: "-0800", "+01:00"
        while index + 1 < tokens.count {
            if tokens[index].isSymbol("+") || tokens[index].isSymbol("-"), let number = tokens[index + 1].number, tokens[index + 1].text.count == 4 {
                let seconds = (number / 100) * 3600 + (number % 100) * 60
                offset = tokens[index].isSymbol("-") ? -seconds : seconds
                break
            }
            index += 1
        }
        let timeZone = offset.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone ?? utc
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)) else {
            return nil
        }
        return (date, offset ?? (zone.map { $0.secondsFromGMT(for: date) }))
    }
}

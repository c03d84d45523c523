import Foundation

/// Finds the duration a request asks for: an ISO period ("P2W"), words ("for two weeks", "90 days",
/// "a fortnight", "until end of quarter" is not read), or standing access ("permanently").
enum DurationReader {
    private static let iso = try! NSRegularExpression(pattern: #"\bP(\d+Y)?(\d+M)?(\d+W)?(\d+D)?\b"#, options: .caseInsensitive)
    private static let words = try! NSRegularExpression(
        pattern: #"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety|couple of|few)[\s-]+(day|week|month|year|fortnight)s?\b"#,
        options: .caseInsensitive)
    private static let single = try! NSRegularExpression(
        pattern: #"\b(fortnight|a week|a month|a year|a day|one day|overnight)\b"#, options: .caseInsensitive)
    private static let permanentWords = try! NSRegularExpression(
        pattern: #"\b(permanent(ly)?|indefinite(ly)?|forever|ongoing|no end date|no expiry|no expiration|standing access|for good|until further notice)\b"#,
        options: .caseInsensitive)

    private static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
        "couple of": 2, "few": 3,
    ]

    /// The duration and the text it was read from, ignoring `ignored` ranges (instructions, quoted JSON).
    static func read(_ text: String, ignoring ignored: [Range<String.Index>]) -> (duration: AccessDuration, text: String)? {
        let whole = NSRange(text.startIndex..., in: text)
        func usable(_ match: NSTextCheckingResult) -> Range<String.Index>? {
            guard let range = Range(match.range, in: text), !ignored.contains(where: { $0.overlaps(range) }) else { return nil }
            return range
        }
        for match in iso.matches(in: text, range: whole) {
            guard let range = usable(match), let duration = AccessDuration(iso: String(text[range])) else { continue }
            return (duration, String(text[range]))
        }
        for match in words.matches(in: text, range: whole) {
            guard let range = usable(match), !isPast(range, in: text), let countRange = Range(match.range(at: 1), in: text),
                  let unitRange = Range(match.range(at: 2), in: text) else { continue }
            let countText = text[countRange].lowercased()
            guard let count = Int(countText) ?? numbers[countText], count > 0 else { continue }
            return (duration(count, unit: text[unitRange].lowercased()), String(text[range]))
        }
        for match in single.matches(in: text, range: whole) {
            guard let range = usable(match) else { continue }
            let phrase = text[range].lowercased()
            let unit = phrase.split(separator: " ").last.map(String.init) ?? phrase
            return (duration(1, unit: unit == "overnight" ? "day" : unit), String(text[range]))
        }
        for match in permanentWords.matches(in: text, range: whole) {
            guard let range = usable(match) else { continue }
            // "a permanent job", "permanent staff": what someone is, not how long the access lasts.
            let next = text[range.upperBound...].prefix(14).lowercased().trimmingCharacters(in: .whitespaces)
            if ["job", "role", "position", "contract", "staff", "employee", "hire", "member", "post", "offer"].contains(where: { next.hasPrefix($0) }) { continue }
            return (.permanent, String(text[range]))
        }
        return nil
    }

    /// "the last three weeks", "two months ago", "for the past year": time that went by, not time asked for.
    private static func isPast(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound].suffix(24).lowercased()
        let after = text[range.upperBound...].prefix(12).lowercased()
        return ["last ", "past ", "previous ", "spent ", "over ", "after ", "within ", "in "].contains { before.hasSuffix($0) || before.hasSuffix("the " + $0) }
            || after.hasPrefix(" ago") || after.hasPrefix(" back") || after.hasPrefix(" earlier")
    }

    private static func duration(_ count: Int, unit: String) -> AccessDuration {
        switch unit {
        case "day": .period(years: 0, months: 0, weeks: 0, days: count)
        case "week": .period(years: 0, months: 0, weeks: count, days: 0)
        case "fortnight": .period(years: 0, months: 0, weeks: 2 * count, days: 0)
        case "month": .period(years: 0, months: count, weeks: 0, days: 0)
        default: .period(years: count, months: 0, weeks: 0, days: 0)
        }
    }
}

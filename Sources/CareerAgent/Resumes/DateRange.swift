import Foundation

/// A period a resume line states: "Jan 2019 – Present", "2016-2018", "03/2017 to 06/2019".
struct DateRange: Equatable {
    var start: YearMonth
    var end: YearMonth?
    var isCurrent: Bool
    /// Where the range stood in the line (NSString offsets), so it can be cut out of the heading.
    var range: NSRange

    private static let month = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"
    private static let date = "(?:\(month)\\s+((?:19|20)\\d{2})|(\\d{1,2})\\s*/\\s*((?:19|20)\\d{2})|((?:19|20)\\d{2}))"
    private static let pattern = try! NSRegularExpression(
        pattern: "\(date)\\s*(?:-|–|—|to|until|through)\\s*(?:\(date)|(present|current|now|today|ongoing))",
        options: [.caseInsensitive]
    )
    private static let single = try! NSRegularExpression(pattern: "\\b((?:19|20)\\d{2})\\b")
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The first range in `line`, if any.
    static func first(in line: String) -> DateRange? {
        let text = line as NSString
        guard let match = pattern.firstMatch(in: line, range: NSRange(location: 0, length: text.length)) else { return nil }
        func group(_ index: Int) -> String? {
            let range = match.range(at: index)
            return range.location == NSNotFound ? nil : text.substring(with: range)
        }
        func date(from base: Int) -> YearMonth? {
            if let year = group(base + 1).flatMap(Int.init) {
                let month = (months.firstIndex(of: String(group(base)!.lowercased().prefix(3))) ?? 0) + 1
                return YearMonth(year: year, month: month)
            }
            if let month = group(base + 2).flatMap(Int.init), (1...12).contains(month), let year = group(base + 3).flatMap(Int.init) {
                return YearMonth(year: year, month: month)
            }
            return group(base + 4).flatMap(Int.init).map { YearMonth(year: $0, month: 1) }
        }
        guard let start = date(from: 1) else { return nil }
        let isCurrent = group(11) != nil
        var end = isCurrent ? nil : date(from: 6)
        // "2016 - 2018" means through 2018: a bare year ends in December.
        if let bare = group(10).flatMap(Int.init) { end = YearMonth(year: bare, month: 12) }
        if let end, end < start { return nil }
        return DateRange(start: start, end: end, isCurrent: isCurrent, range: match.range)
    }

    /// The last four-digit year in `line` (a graduation year), if any.
    static func lastYear(in line: String) -> Int? {
        let text = line as NSString
        return single.matches(in: line, range: NSRange(location: 0, length: text.length)).last
            .flatMap { Int(text.substring(with: $0.range(at: 1))) }
    }
}

import Foundation
import JobPostings

/// How postings read on a page: salary ranges, dates and links.
enum PostingText {
    static func salary(_ posting: JobPosting) -> String? {
        guard posting.minSalary != nil || posting.maxSalary != nil else { return nil }
        let currency = posting.currency ?? ""
        func amount(_ value: Int) -> String { "\(currency) \(grouped(value))" }
        switch (posting.minSalary, posting.maxSalary) {
        case let (low?, high?) where low == high: return "\(amount(low)) a year"
        case let (low?, high?): return "\(amount(low))–\(amount(high).dropFirst(currency.count + 1)) a year"
        case let (low?, nil): return "from \(amount(low)) a year"
        case let (nil, high?): return "up to \(amount(high)) a year"
        default: return nil
        }
    }

    // Dates and numbers are written by hand: a page lists dozens, and Foundation's formatters build an
    // ICU formatter per call, which cost more than the search itself.

    /// `Nov 17, 2026` (UTC).
    static func date(_ date: Date) -> String {
        let (year, month, day) = civil(date)
        return "\(monthNames[month - 1]) \(day), \(year)"
    }

    /// `2026-11-17` (UTC).
    static func isoDate(_ date: Date) -> String {
        let (year, month, day) = civil(date)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `60,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var output = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output.append(",") }
            output.append(digit)
        }
        return output
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Year, month and day of a UTC instant (Howard Hinnant's days-to-civil algorithm).
    private static func civil(_ date: Date) -> (Int, Int, Int) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The page of a posting; `#` in ids is escaped.
    static func url(_ jobID: String) -> String {
        "/jobs/" + (jobID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "#", "?"])) ?? jobID)
    }

    static func employmentType(_ type: EmploymentType?) -> String? {
        type.map { $0.rawValue.replacingOccurrences(of: "_", with: " ").capitalized }
    }
}

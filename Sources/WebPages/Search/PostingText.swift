import Foundation
import JobPostings
import Platform

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

    /// Year, month and day of a UTC instant.
    private static func civil(_ date: Date) -> (Int, Int, Int) {
        let fields = CivilDate.fields(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down)))
        return (fields.year, fields.month, fields.day)
    }

    /// The page of a posting; `#` in ids is escaped.
    static func url(_ jobID: String) -> String {
        "/jobs/" + (jobID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "#", "?"])) ?? jobID)
    }

    static func employmentType(_ type: EmploymentType?) -> String? {
        type.map { $0.rawValue.replacingOccurrences(of: "_", with: " ").capitalized }
    }
}

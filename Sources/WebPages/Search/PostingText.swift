import Foundation
import JobPostings

/// How postings read on a page: salary ranges, dates and links.
enum PostingText {
    static func salary(_ posting: JobPosting) -> String? {
        guard posting.minSalary != nil || posting.maxSalary != nil else { return nil }
        let currency = posting.currency ?? ""
        func amount(_ value: Int) -> String { "\(currency) \(value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))))" }
        switch (posting.minSalary, posting.maxSalary) {
        case let (low?, high?) where low == high: return "\(amount(low)) a year"
        case let (low?, high?): return "\(amount(low))–\(amount(high).dropFirst(currency.count + 1)) a year"
        case let (low?, nil): return "from \(amount(low)) a year"
        case let (nil, high?): return "up to \(amount(high)) a year"
        default: return nil
        }
    }

    static func date(_ date: Date) -> String {
        date.formatted(.dateTime.year().month(.abbreviated).day().locale(Locale(identifier: "en_US")))
    }

    static func isoDate(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(10))
    }

    /// The page of a posting; `#` in ids is escaped.
    static func url(_ jobID: String) -> String {
        "/jobs/" + (jobID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "#", "?"])) ?? jobID)
    }

    static func employmentType(_ type: EmploymentType?) -> String? {
        type.map { $0.rawValue.replacingOccurrences(of: "_", with: " ").capitalized }
    }
}

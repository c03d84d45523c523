import Domain
import Foundation

/// Reads typed values out of raw JSON fields and collects one error per bad field.
struct FieldReader {
    let fields: [String: JSONValue]
    private(set) var errors: [FieldError] = []

    init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    mutating func fail(_ field: String, _ message: String) {
        if !errors.contains(where: { $0.field == field }) {
            errors.append(FieldError(field: field, message: message))
        }
    }

    private func value(_ field: String) -> JSONValue? {
        guard let value = fields[field], !value.isNull else { return nil }
        return value
    }

    mutating func optionalString(_ field: String, maxLength: Int) -> String? {
        guard let value = value(field) else { return nil }
        guard case .string(let text) = value else { fail(field, "must be a string"); return nil }
        let trimmed = Self.trimmed(text)
        // A string has at most as many characters as UTF-8 bytes: count characters only when it may matter.
        if trimmed.utf8.count > maxLength, trimmed.count > maxLength {
            fail(field, "must be at most \(maxLength) characters"); return nil
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without the work when the first and last
    /// bytes are ASCII and not white space (then there is nothing to trim).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        func keeps(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }
        if keeps(first), keeps(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func requiredString(_ field: String, maxLength: Int) -> String? {
        let text = optionalString(field, maxLength: maxLength)
        if text == nil { fail(field, "is required") }
        return text
    }

    mutating func bool(_ field: String) -> Bool? {
        switch value(field) {
        case nil: return nil
        case .bool(let flag): return flag
        case .string(let text) where ["true", "false"].contains(text.lowercased()): return text.lowercased() == "true"
        default: fail(field, "must be true or false"); return nil
        }
    }

    mutating func nonNegativeInteger(_ field: String) -> Int? {
        guard let value = value(field) else { return nil }
        let number: Double?
        switch value {
        case .number(let amount): number = amount
        case .string(let text): number = Double(text.replacingOccurrences(of: ",", with: ""))
        default: number = nil
        }
        guard let number, number.isFinite, number >= 0, number < 1e12 else {
            fail(field, "must be a non-negative number")
            return nil
        }
        return Int(number.rounded())
    }

    mutating func date(_ field: String, required: Bool) -> Date? {
        guard let value = value(field) else {
            if required { fail(field, "is required") }
            return nil
        }
        guard let text = value.stringValue, let date = Timestamps.parse(text) else {
            fail(field, "must be an ISO-8601 date or date-time")
            return nil
        }
        return date
    }

    mutating func employmentType(_ field: String) -> EmploymentType? {
        guard let value = value(field) else { return nil }
        guard let text = value.stringValue, let type = EmploymentType(lenient: text) else {
            fail(field, "must be one of \(EmploymentType.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return type
    }

    mutating func payInterval(_ field: String) -> PayInterval? {
        guard let value = value(field) else { return nil }
        guard let text = value.stringValue, let interval = PayInterval(lenient: text) else {
            fail(field, "must be one of \(PayInterval.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return interval
    }

    mutating func status(_ field: String) -> PostingStatus? {
        guard let value = value(field) else { return nil }
        guard let text = value.stringValue, let status = PostingStatus(rawValue: text.lowercased()) else {
            fail(field, "must be one of \(PostingStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return status
    }
}

extension EmploymentType {
    /// Accepts the spellings feeds use: `FULL_TIME`, `full-time`, `Full time`, `PER_DIEM` and so on.
    public init?(lenient text: String) {
        // The stored spelling itself, as most feeds (and every export) write it.
        if let type = EmploymentType(rawValue: text) { self = type; return }
        let key = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        switch key {
        case "full_time", "fulltime", "permanent": self = .fullTime
        case "part_time", "parttime": self = .partTime
        case "contract", "contractor", "freelance": self = .contract
        case "temporary", "temp", "seasonal", "per_diem": self = .temporary
        case "internship", "intern": self = .internship
        case "volunteer": self = .volunteer
        case "other": self = .other
        default: return nil
        }
    }
}

extension PayInterval {
    /// Accepts schema.org's `HOUR`/`YEAR` as well as `hourly`, `yearly`, `annual`.
    public init?(lenient text: String) {
        switch text.lowercased() {
        case "hour", "hourly": self = .hour
        case "day", "daily": self = .day
        case "week", "weekly": self = .week
        case "month", "monthly": self = .month
        case "year", "yearly", "annual", "annually": self = .year
        default: return nil
        }
    }
}

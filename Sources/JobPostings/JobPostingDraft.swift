import Domain
import Foundation

/// A posting as a client or a file states it, before validation: every field as raw JSON.
///
/// `normalize` turns it into a `JobPosting` or into the complete list of field errors, so a client
/// learns about every problem at once and nothing half-valid is stored.
public struct JobPostingDraft: Sendable {
    public var fields: [String: JSONValue]

    public init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// Currency assumed when a salary comes without one: the seed format has no currency field.
    public static let defaultCurrency = "USD"

    /// `url.lowercased().hasPrefix("mailto:")`, without lowercasing an ASCII URL.
    static func isMailto(_ url: String) -> Bool {
        url.utf8.allSatisfy { $0 < 0x80 } ? url.utf8.hasASCIIPrefix(ignoringCase: "mailto:") : url.lowercased().hasPrefix("mailto:")
    }

    public func normalize(updatedAt: Date) -> Result<JobPosting, DomainError> {
        var reader = FieldReader(fields: fields)
        let jobID = reader.requiredString("job_id", maxLength: 256)
        let providerID = reader.optionalString("provider_id", maxLength: 128)
            ?? jobID.flatMap { $0.split(separator: "#").count > 1 ? String($0.split(separator: "#")[0]) : nil }
        if providerID == nil { reader.fail("provider_id", "is required") }
        let title = reader.requiredString("title", maxLength: 300)
        let rawHTML = reader.optionalString("description_html", maxLength: 200_000)
        var description = reader.optionalString("description", maxLength: 200_000)
        let sanitizer = HTMLSanitizer()
        // A description that is itself HTML (common in feeds) is kept as HTML and read as text.
        var descriptionHTML = rawHTML.map(sanitizer.sanitize)
        if let text = description, rawHTML == nil, text.utf8.contains(UInt8(ascii: "<")), text.contains("<"), text.contains(">") {
            descriptionHTML = sanitizer.sanitize(text)
            description = sanitizer.plainText(text)
        }
        if description == nil, let rawHTML { description = sanitizer.plainText(rawHTML) }
        if description?.isEmpty ?? true { reader.fail("description", "is required (or description_html)") }
        let company = reader.requiredString("company", maxLength: 200)
        let location = reader.optionalString("location", maxLength: 200) ?? ""
        let remote = reader.bool("remote") ?? false
        let employmentType = reader.employmentType("employment_type")
        let interval = reader.payInterval("interval") ?? .year
        let minStated = reader.nonNegativeInteger("min_salary")
        let maxStated = reader.nonNegativeInteger("max_salary")
        if let minStated, let maxStated, minStated > maxStated {
            reader.fail("max_salary", "must not be less than min_salary")
        }
        let hasSalary = minStated != nil || maxStated != nil
        var currency = reader.optionalString("currency", maxLength: 3)?.uppercased()
        if let code = currency, code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            reader.fail("currency", "must be a three-letter ISO 4217 code")
            currency = nil
        }
        if hasSalary, currency == nil { currency = Self.defaultCurrency }
        let postedDate = reader.date("posted_date", required: true)
        let expiresAt = reader.date("expires_at", required: false)
        if let postedDate, let expiresAt, expiresAt < postedDate {
            reader.fail("expires_at", "must not be before posted_date")
        }
        let applyURL = reader.optionalString("apply_url", maxLength: 2048)
        if let applyURL, HTMLSanitizer.safeURL(applyURL) == nil || Self.isMailto(applyURL) {
            reader.fail("apply_url", "must be an absolute http or https URL")
        }
        let status = reader.status("status") ?? .open
        guard reader.errors.isEmpty, let jobID, let providerID, let title, let description, let company,
              let postedDate else {
            return .failure(.invalid("The job posting has invalid fields.", fieldErrors: reader.errors))
        }
        return .success(JobPosting(
            jobID: jobID, providerID: providerID, title: title, description: description,
            descriptionHTML: descriptionHTML, company: company, location: location, remote: remote,
            employmentType: employmentType,
            minSalary: minStated.map { $0 * interval.periodsPerYear },
            maxSalary: maxStated.map { $0 * interval.periodsPerYear },
            currency: hasSalary ? currency : nil, payInterval: hasSalary ? interval : nil,
            postedDate: postedDate, applyURL: applyURL, expiresAt: expiresAt, updatedAt: updatedAt, status: status
        ))
    }
}

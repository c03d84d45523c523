import Foundation
import JobPostings

/// A `job_postings` row. Times are whole seconds since 1970, the same on every engine.
struct JobPostingRecord: Codable, Sendable {
    var row_id: Int64?
    var job_id: String
    var provider_id: String
    var title: String
    var description: String
    var description_html: String?
    var company: String
    var location: String
    var remote: Int64
    var employment_type: String?
    var min_salary: Int64?
    var max_salary: Int64?
    var currency: String?
    var pay_interval: String?
    var posted_date: Int64
    var apply_url: String?
    var expires_at: Int64?
    var updated_at: Int64
    var status: String
    var content_hash: String

    static let columnCount = 20

    init(_ posting: JobPosting) {
        row_id = nil
        job_id = posting.jobID
        provider_id = posting.providerID
        title = posting.title
        description = posting.description
        description_html = posting.descriptionHTML
        company = posting.company
        location = posting.location
        remote = posting.remote ? 1 : 0
        employment_type = posting.employmentType?.rawValue
        min_salary = posting.minSalary.map(Int64.init)
        max_salary = posting.maxSalary.map(Int64.init)
        currency = posting.currency
        pay_interval = posting.payInterval?.rawValue
        posted_date = Self.seconds(posting.postedDate)
        apply_url = posting.applyURL
        expires_at = posting.expiresAt.map(Self.seconds)
        updated_at = Self.seconds(posting.updatedAt)
        status = posting.status.rawValue
        content_hash = posting.contentFingerprint
    }

    var posting: JobPosting {
        JobPosting(
            jobID: job_id, providerID: provider_id, title: title, description: description,
            descriptionHTML: description_html, company: company, location: location, remote: remote != 0,
            employmentType: employment_type.flatMap(EmploymentType.init(rawValue:)),
            minSalary: min_salary.map(Int.init), maxSalary: max_salary.map(Int.init), currency: currency,
            payInterval: pay_interval.flatMap(PayInterval.init(rawValue:)),
            postedDate: Date(timeIntervalSince1970: TimeInterval(posted_date)), applyURL: apply_url,
            expiresAt: expires_at.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            updatedAt: Date(timeIntervalSince1970: TimeInterval(updated_at)),
            status: PostingStatus(rawValue: status) ?? .closed
        )
    }

    private static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

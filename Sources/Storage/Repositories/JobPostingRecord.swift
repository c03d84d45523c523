import Foundation
import JobPostings

/// A `job_postings` row. Times are whole seconds since 1970, the same on every engine.
struct JobPostingRecord: Encodable, Sendable {
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
    /// `RecordedSkills.text`: the skills read when the row was written; NULL when no tagger read them.
    var skills: String?

    /// Columns written as bound texts by a bulk write; the others are numbers and enum spellings.
    static let textColumnCount = 11

    private enum CodingKeys: String, CodingKey {
        case row_id, job_id, provider_id, title, description, description_html, company, location, remote
        case employment_type, min_salary, max_salary, currency, pay_interval, posted_date, apply_url, expires_at
        case updated_at, status, content_hash, skills
    }

    /// Writes every column but `row_id`, which the database assigns; absent values are written as NULL
    /// so all rows of a multi-row insert have the same columns.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(job_id, forKey: .job_id)
        try container.encode(provider_id, forKey: .provider_id)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(description_html, forKey: .description_html)
        try container.encode(company, forKey: .company)
        try container.encode(location, forKey: .location)
        try container.encode(remote, forKey: .remote)
        try container.encode(employment_type, forKey: .employment_type)
        try container.encode(min_salary, forKey: .min_salary)
        try container.encode(max_salary, forKey: .max_salary)
        try container.encode(currency, forKey: .currency)
        try container.encode(pay_interval, forKey: .pay_interval)
        try container.encode(posted_date, forKey: .posted_date)
        try container.encode(apply_url, forKey: .apply_url)
        try container.encode(expires_at, forKey: .expires_at)
        try container.encode(updated_at, forKey: .updated_at)
        try container.encode(status, forKey: .status)
        try container.encode(content_hash, forKey: .content_hash)
        try container.encode(skills, forKey: .skills)
    }

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
        skills = nil
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

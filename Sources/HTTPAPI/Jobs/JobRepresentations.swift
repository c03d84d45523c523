import Foundation
import JobPostings

/// A posting as the API shows it in full.
struct JobDetailBody: Encodable {
    var jobId: String
    var providerId: String
    var title: String
    var description: String
    var descriptionHtml: String?
    var company: String
    var location: String
    var remote: Bool
    var employmentType: String?
    var minSalary: Int?
    var maxSalary: Int?
    var currency: String?
    var interval: String?
    var postedDate: Date
    var applyUrl: String?
    var expiresAt: Date?
    var updatedAt: Date
    var status: String

    init(_ posting: JobPosting) {
        jobId = posting.jobID
        providerId = posting.providerID
        title = posting.title
        description = posting.description
        descriptionHtml = posting.descriptionHTML
        company = posting.company
        location = posting.location
        remote = posting.remote
        employmentType = posting.employmentType?.rawValue
        minSalary = posting.minSalary
        maxSalary = posting.maxSalary
        currency = posting.currency
        interval = posting.payInterval?.rawValue
        postedDate = posting.postedDate
        applyUrl = posting.applyURL
        expiresAt = posting.expiresAt
        updatedAt = posting.updatedAt
        status = posting.status.rawValue
    }

    /// The same job from other sources, on the detail only (see `JobSearchService.otherSources`).
    var otherSources: [OtherSourceBody]?

    private enum CodingKeys: String, CodingKey {
        case jobId = "job_id", providerId = "provider_id", title, description, descriptionHtml = "description_html"
        case company, location, remote, employmentType = "employment_type", minSalary = "min_salary"
        case maxSalary = "max_salary", currency, interval, postedDate = "posted_date", applyUrl = "apply_url"
        case expiresAt = "expires_at", updatedAt = "updated_at", status, otherSources = "other_sources"
    }

    /// Optional fields are written as `null`, not left out, so clients see one stable shape.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jobId, forKey: .jobId)
        try container.encode(providerId, forKey: .providerId)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(descriptionHtml, forKey: .descriptionHtml)
        try container.encode(company, forKey: .company)
        try container.encode(location, forKey: .location)
        try container.encode(remote, forKey: .remote)
        try container.encode(employmentType, forKey: .employmentType)
        try container.encode(minSalary, forKey: .minSalary)
        try container.encode(maxSalary, forKey: .maxSalary)
        try container.encode(currency, forKey: .currency)
        try container.encode(interval, forKey: .interval)
        try container.encode(postedDate, forKey: .postedDate)
        try container.encode(applyUrl, forKey: .applyUrl)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(otherSources, forKey: .otherSources)
    }
}

/// Where else a job is listed.
struct OtherSourceBody: Encodable {
    var posting: JobPosting

    private enum CodingKeys: String, CodingKey { case jobId = "job_id", providerId = "provider_id", applyUrl = "apply_url", status }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(posting.jobID, forKey: .jobId)
        try container.encode(posting.providerID, forKey: .providerId)
        try container.encode(posting.applyURL, forKey: .applyUrl)
        try container.encode(posting.status.rawValue, forKey: .status)
    }
}

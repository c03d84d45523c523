import Foundation

/// The normalized job posting: the one shape every provider, import format and API route maps into.
///
/// `jobID` is kept exactly as given (provider adapters build it as `provider#external_id`) and is the
/// `{id}` of the API. Salaries are integers per year in `currency`; `payInterval` remembers how the
/// original posting stated its pay so nothing is lost by normalizing.
public struct JobPosting: Sendable, Equatable, Codable {
    public var jobID: String
    public var providerID: String
    public var title: String
    /// Plain text, derived from `descriptionHTML` when only HTML was given.
    public var description: String
    /// Sanitized HTML: no scripts, no event handlers, no `javascript:` URLs.
    public var descriptionHTML: String?
    public var company: String
    public var location: String
    public var remote: Bool
    public var employmentType: EmploymentType?
    public var minSalary: Int?
    public var maxSalary: Int?
    public var currency: String?
    public var payInterval: PayInterval?
    public var postedDate: Date
    public var applyURL: String?
    public var expiresAt: Date?
    public var updatedAt: Date
    public var status: PostingStatus

    public init(
        jobID: String, providerID: String, title: String, description: String,
        descriptionHTML: String? = nil, company: String, location: String, remote: Bool = false,
        employmentType: EmploymentType? = nil, minSalary: Int? = nil, maxSalary: Int? = nil,
        currency: String? = nil, payInterval: PayInterval? = nil, postedDate: Date,
        applyURL: String? = nil, expiresAt: Date? = nil, updatedAt: Date, status: PostingStatus = .open
    ) {
        self.jobID = jobID
        self.providerID = providerID
        self.title = title
        self.description = description
        self.descriptionHTML = descriptionHTML
        self.company = company
        self.location = location
        self.remote = remote
        self.employmentType = employmentType
        self.minSalary = minSalary
        self.maxSalary = maxSalary
        self.currency = currency
        self.payInterval = payInterval
        self.postedDate = postedDate
        self.applyURL = applyURL
        self.expiresAt = expiresAt
        self.updatedAt = updatedAt
        self.status = status
    }

    /// Whether the posting may appear in search at `now`: open and not past its expiry.
    public func isSearchable(at now: Date) -> Bool {
        guard status == .open else { return false }
        if let expiresAt, expiresAt <= now { return false }
        return true
    }
}

public enum PostingStatus: String, Sendable, Codable, CaseIterable {
    case open, closed, expired
    /// The same posting as one already listed from another source: kept, linked, not shown in search.
    case duplicate
}

public enum EmploymentType: String, Sendable, Codable, CaseIterable {
    case fullTime = "full_time"
    case partTime = "part_time"
    case contract
    case temporary
    case internship
    case volunteer
    case other
}

/// How the original posting stated its pay; the stored figures are always per year.
public enum PayInterval: String, Sendable, Codable, CaseIterable {
    case hour, day, week, month, year

    /// Multiplier that turns an amount per interval into an amount per year (full-time convention).
    public var periodsPerYear: Int {
        switch self {
        case .hour: 2080
        case .day: 260
        case .week: 52
        case .month: 12
        case .year: 1
        }
    }
}

import Foundation

/// What a job seeker asks for: free text plus filters, an order and a page.
public struct JobSearchQuery: Sendable, Equatable {
    /// Free text: words are ANDed; `"quoted phrases"`, `-excluded` words and `prefix*` are understood.
    public var text: String
    /// Each entry matches postings whose location contains all of its words; several entries are ORed.
    public var locations: [String]
    public var remote: Bool?
    /// Salary filters keep postings whose yearly range overlaps `[minSalary, maxSalary]`.
    public var minSalary: Int?
    public var maxSalary: Int?
    public var currency: String?
    public var postedAfter: Date?
    public var companies: [String]
    /// Postings asking for any of these skills (canonical names, compared without regard to case).
    public var skills: [String]
    public var providers: [String]
    public var employmentTypes: [EmploymentType]
    public var sort: JobSearchSort
    /// Who the results are matched against: with `sort = .match`, results are ordered by match score.
    public var match: MatchProfile?
    /// The text must match in the title: postings for a role, not every posting that mentions it
    /// (market insights, roadmaps and analysis against a role read the market this way).
    public var titleOnly = false
    /// False when the caller reads only the hits (matching's rankings): facets are then not counted.
    public var countsFacets = true
    public var limit: Int
    /// Opaque continuation token from a previous page.
    public var cursor: String?

    public static let defaultLimit = 20
    public static let maximumLimit = 100

    public init(
        text: String = "", locations: [String] = [], remote: Bool? = nil, minSalary: Int? = nil,
        maxSalary: Int? = nil, currency: String? = nil, postedAfter: Date? = nil, companies: [String] = [],
        providers: [String] = [], employmentTypes: [EmploymentType] = [], skills: [String] = [], sort: JobSearchSort = .relevance,
        limit: Int = JobSearchQuery.defaultLimit, cursor: String? = nil
    ) {
        self.text = text
        self.locations = locations
        self.remote = remote
        self.minSalary = minSalary
        self.maxSalary = maxSalary
        self.currency = currency
        self.postedAfter = postedAfter
        self.companies = companies
        self.providers = providers
        self.employmentTypes = employmentTypes
        self.skills = skills
        self.sort = sort
        self.limit = limit
        self.cursor = cursor
    }

    public var hasSalaryFilter: Bool { minSalary != nil || maxSalary != nil }
}

public enum JobSearchSort: String, Sendable, Equatable, CaseIterable {
    /// Best match first; with no text, newest first.
    case relevance
    /// Newest first.
    case date
    /// Best fit for the signed-in seeker first (needs a `match` profile).
    case match
}

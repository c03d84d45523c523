import Foundation

/// What the index answers: the page's postings in order (as row ids), the exact total and the facets.
public struct JobSearchMatches: Sendable, Equatable {
    public var rowIDs: [Int64]
    public var total: Int
    public var facets: JobFacets
    public var nextCursor: String?
    /// With `sort = .match`: each hit's match score, in `rowIDs` order.
    public var matchScores: [Int]

    public init(rowIDs: [Int64], total: Int, facets: JobFacets, nextCursor: String?, matchScores: [Int] = []) {
        self.rowIDs = rowIDs
        self.total = total
        self.facets = facets
        self.nextCursor = nextCursor
        self.matchScores = matchScores
    }
}

/// Counts of matching postings per value. A facet's own filter is left out of its counts
/// ("disjunctive" facets), so a user can see what choosing another value would give.
public struct JobFacets: Sendable, Equatable {
    public var location: [FacetCount]
    public var company: [FacetCount]
    public var remote: [FacetCount]
    public var employmentType: [FacetCount]
    public var salaryRanges: [SalaryRangeCount]
    public var skills: [FacetCount]

    public init(
        location: [FacetCount] = [], company: [FacetCount] = [], remote: [FacetCount] = [],
        employmentType: [FacetCount] = [], salaryRanges: [SalaryRangeCount] = [], skills: [FacetCount] = []
    ) {
        self.location = location
        self.company = company
        self.remote = remote
        self.employmentType = employmentType
        self.salaryRanges = salaryRanges
        self.skills = skills
    }
}

public struct FacetCount: Sendable, Equatable {
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// Postings whose yearly salary range overlaps `[from, to)`; `to == nil` means no upper bound.
public struct SalaryRangeCount: Sendable, Equatable {
    public var from: Int
    public var to: Int?
    public var count: Int

    public init(from: Int, to: Int?, count: Int) {
        self.from = from
        self.to = to
        self.count = count
    }

    /// The buckets offered as salary facets, per year.
    public static let bounds: [(from: Int, to: Int?)] = [
        (0, 25_000), (25_000, 50_000), (50_000, 75_000), (75_000, 100_000),
        (100_000, 150_000), (150_000, 200_000), (200_000, nil),
    ]
}

/// HTML fragments with matched terms wrapped in `<mark>`; everything else is escaped.
public struct JobHighlights: Sendable, Equatable {
    public var title: String
    public var description: String

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }
}

/// One result row as the API shows it.
public struct JobSearchHit: Sendable, Equatable {
    public var posting: JobPosting
    public var highlights: JobHighlights
    /// The seeker's match score, when the search was ordered by match.
    public var match: Int?

    public init(posting: JobPosting, highlights: JobHighlights, match: Int? = nil) {
        self.posting = posting
        self.highlights = highlights
        self.match = match
    }
}

public struct JobSearchResults: Sendable, Equatable {
    public var hits: [JobSearchHit]
    public var total: Int
    public var facets: JobFacets
    public var nextCursor: String?

    public init(hits: [JobSearchHit], total: Int, facets: JobFacets, nextCursor: String?) {
        self.hits = hits
        self.total = total
        self.facets = facets
        self.nextCursor = nextCursor
    }
}

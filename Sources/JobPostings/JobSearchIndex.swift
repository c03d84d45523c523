import Foundation

/// The search engine seen from the use cases. It is derived from the repository's change feed and
/// can be rebuilt from it at any time; nothing lives only in the index.
public protocol JobSearchIndex: Sendable {
    /// Ranks searchable postings at `now`. Throws `DomainError.badRequest` for a cursor it cannot use.
    func search(_ query: JobSearchQuery, now: Date) throws -> JobSearchMatches
    /// Marks what `query` matched in each posting, using the same analysis as matching did
    /// (the query is read once for the whole page).
    func highlights(for postings: [JobPosting], query: JobSearchQuery) -> [JobHighlights]
    /// Applies changes from the feed in order; postings that are no longer searchable leave the index.
    func apply(_ changes: [JobPostingChange])
    /// The sequence of the last change applied: where following the feed resumes.
    var appliedSequence: Int64 { get }
    /// How well one indexed posting fits `profile`, explained; nil when the posting is not in the index.
    func match(_ profile: MatchProfile, rowID: Int64) -> JobMatch?
    /// Counts, weekly trend, salary percentiles and facets over every posting matching `query`'s text and filters.
    func marketStatistics(_ query: JobSearchQuery, now: Date, weeks: Int) throws -> MarketStatistics
    /// How many postings are searchable at `now` (open and not expired).
    func openPostingCount(now: Date) -> Int
}

extension JobSearchIndex {
    /// The highlights of one posting.
    public func highlights(for posting: JobPosting, query: JobSearchQuery) -> JobHighlights {
        highlights(for: [posting], query: query)[0]
    }
}

import Domain
import Foundation

/// The job-search use cases: search, read one posting, create or update one.
public struct JobSearchService: Sendable {
    private let repository: any JobPostingRepository
    private let index: any JobSearchIndex
    private let follower: JobIndexFollower
    private let clock: any WallClock
    private let links: (any JobPostingLinkRepository)?
    /// The canonical name of a skill as a user may write it ("k8s" → "Kubernetes"), for `skill=`.
    private let skillName: @Sendable (String) -> String

    public init(
        repository: any JobPostingRepository, index: any JobSearchIndex, follower: JobIndexFollower,
        clock: any WallClock, links: (any JobPostingLinkRepository)? = nil,
        skillName: @escaping @Sendable (String) -> String = { $0 }
    ) {
        self.repository = repository
        self.index = index
        self.follower = follower
        self.clock = clock
        self.links = links
        self.skillName = skillName
    }

    /// The same job as listed by other sources (cross-source duplicates), for the detail.
    public func otherSources(of jobID: String) async throws -> [JobPosting] {
        guard let links else { return [] }
        var postings: [JobPosting] = []
        for other in try await links.sameJob(as: jobID) {
            if let stored = try await repository.find(jobID: other) { postings.append(stored.posting) }
        }
        return postings
    }

    public func search(_ query: JobSearchQuery) async throws -> JobSearchResults {
        var query = query
        query.skills = query.skills.map(skillName)
        let matches = try index.search(query, now: clock.now())
        let stored = try await repository.summaries(rowIDs: matches.rowIDs)
        let byRow = Dictionary(stored.map { ($0.rowID, $0.posting) }, uniquingKeysWith: { first, _ in first })
        // The index may be a moment ahead of a deleted row; skip what the database no longer has.
        let scores = Dictionary(zip(matches.rowIDs, matches.matchScores), uniquingKeysWith: { first, _ in first })
        let kept = matches.rowIDs.filter { byRow[$0] != nil }
        let postings = kept.map { byRow[$0]! }
        let hits = zip(kept, zip(postings, index.highlights(for: postings, query: query))).map { row, pair in
            JobSearchHit(posting: pair.0, highlights: pair.1, match: scores[row])
        }
        return JobSearchResults(hits: hits, total: matches.total, facets: matches.facets, nextCursor: matches.nextCursor)
    }

    public func posting(jobID: String) async throws -> JobPosting {
        guard let stored = try await repository.find(jobID: jobID) else {
            throw DomainError.notFound("No job posting has the id '\(jobID)'.")
        }
        return stored.posting
    }

    /// How well a posting fits `profile`: 404 for an unknown posting, 409 while it is not searchable
    /// (closed or not indexed yet), since match is read from the index that orders searches by it.
    public func match(jobID: String, profile: MatchProfile) async throws -> (posting: JobPosting, match: JobMatch) {
        guard let stored = try await repository.find(jobID: jobID) else {
            throw DomainError.notFound("No job posting has the id '\(jobID)'.")
        }
        guard let match = index.match(profile, rowID: stored.rowID) else {
            throw DomainError.conflict("The posting '\(jobID)' is not open for matching.")
        }
        return (stored.posting, match)
    }

    /// The postings that fit `profile` best, straight from the index (no database read): row ids
    /// and scores, best first, ties to the lower row id. Matching runs this once per candidate, on
    /// the postings that ask for at least one of the candidate's skills.
    public func matchRanking(_ profile: MatchProfile, limit: Int) throws -> [(rowID: Int64, score: Int)] {
        var query = JobSearchQuery(sort: .match, limit: limit)
        query.match = profile
        query.skills = profile.skills + profile.verifiedSkills
        query.countsFacets = false
        let matches = try index.search(query, now: clock.now())
        return Array(zip(matches.rowIDs, matches.matchScores).map { (rowID: $0, score: $1) })
    }

    /// The last change the index has applied: rankings read postings as of this sequence.
    public var indexedSequence: Int64 { index.appliedSequence }

    /// One posting with its row id, or nil.
    public func stored(jobID: String) async throws -> StoredJobPosting? {
        try await repository.find(jobID: jobID)
    }

    /// Postings by row id, as stored (for pages of matches).
    public func postings(rowIDs: [Int64]) async throws -> [StoredJobPosting] {
        try await repository.summaries(rowIDs: rowIDs)
    }

    /// Changes to postings after `sequence`, oldest first: what incremental matching catches up on.
    public func changes(after sequence: Int64, limit: Int) async throws -> [JobPostingChange] {
        try await repository.changes(after: sequence, limit: limit)
    }

    /// Market figures over the open postings matching `query` (its page and sort are ignored).
    public func marketStatistics(_ query: JobSearchQuery, weeks: Int) throws -> MarketStatistics {
        var query = query
        query.skills = query.skills.map(skillName)
        return try index.marketStatistics(query, now: clock.now(), weeks: weeks)
    }

    public func openPostingCount() -> Int { index.openPostingCount(now: clock.now()) }

    /// Validates and stores one posting; returns it with whether it was new.
    public func save(_ draft: JobPostingDraft) async throws -> (posting: JobPosting, created: Bool) {
        let posting = try draft.normalize(updatedAt: clock.now()).get()
        let summary = try await repository.upsert([posting])
        try await follower.catchUp()
        let stored = try await repository.find(jobID: posting.jobID)
        return (stored?.posting ?? posting, summary.inserted == 1)
    }
}

import Domain
import Foundation

/// The job-search use cases: search, read one posting, create or update one.
public struct JobSearchService: Sendable {
    private let repository: any JobPostingRepository
    private let index: any JobSearchIndex
    private let follower: JobIndexFollower
    private let clock: any WallClock
    private let links: (any JobPostingLinkRepository)?

    public init(
        repository: any JobPostingRepository, index: any JobSearchIndex, follower: JobIndexFollower,
        clock: any WallClock, links: (any JobPostingLinkRepository)? = nil
    ) {
        self.repository = repository
        self.index = index
        self.follower = follower
        self.clock = clock
        self.links = links
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
        let matches = try index.search(query, now: clock.now())
        let stored = try await repository.summaries(rowIDs: matches.rowIDs)
        let byRow = Dictionary(stored.map { ($0.rowID, $0.posting) }, uniquingKeysWith: { first, _ in first })
        // The index may be a moment ahead of a deleted row; skip what the database no longer has.
        let postings = matches.rowIDs.compactMap { byRow[$0] }
        let hits = zip(postings, index.highlights(for: postings, query: query)).map(JobSearchHit.init)
        return JobSearchResults(hits: hits, total: matches.total, facets: matches.facets, nextCursor: matches.nextCursor)
    }

    public func posting(jobID: String) async throws -> JobPosting {
        guard let stored = try await repository.find(jobID: jobID) else {
            throw DomainError.notFound("No job posting has the id '\(jobID)'.")
        }
        return stored.posting
    }

    /// Validates and stores one posting; returns it with whether it was new.
    public func save(_ draft: JobPostingDraft) async throws -> (posting: JobPosting, created: Bool) {
        let posting = try draft.normalize(updatedAt: clock.now()).get()
        let summary = try await repository.upsert([posting])
        try await follower.catchUp()
        let stored = try await repository.find(jobID: posting.jobID)
        return (stored?.posting ?? posting, summary.inserted == 1)
    }
}

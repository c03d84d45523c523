import Foundation

/// A posting as stored: the database's row id identifies it inside indexes and change feeds.
public struct StoredJobPosting: Sendable, Equatable {
    public var rowID: Int64
    public var posting: JobPosting
    /// The skills read when the posting was written, if a tagger recorded them (change feeds carry them).
    public var recordedSkills: RecordedSkills?

    public init(rowID: Int64, posting: JobPosting, recordedSkills: RecordedSkills? = nil) {
        self.rowID = rowID
        self.posting = posting
        self.recordedSkills = recordedSkills
    }
}

/// One entry of the ordered change feed: the posting's state after the change.
public struct JobPostingChange: Sendable, Equatable {
    public var sequence: Int64
    public var stored: StoredJobPosting

    public init(sequence: Int64, stored: StoredJobPosting) {
        self.sequence = sequence
        self.stored = stored
    }
}

public struct UpsertSummary: Sendable, Equatable {
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }

    public static func + (lhs: UpsertSummary, rhs: UpsertSummary) -> UpsertSummary {
        UpsertSummary(
            inserted: lhs.inserted + rhs.inserted, updated: lhs.updated + rhs.updated,
            unchanged: lhs.unchanged + rhs.unchanged
        )
    }
}

/// Postings made ready to store: what a repository can work out before its write transaction (fingerprints,
/// encoded rows), so that an importer can do it while the previous batch is being written.
public struct PreparedPostings: Sendable {
    public let postings: [JobPosting]
    /// The repository's own work on `postings`; nil when it has none to do ahead.
    public let work: (any Sendable)?

    public init(postings: [JobPosting], work: (any Sendable)? = nil) {
        self.postings = postings
        self.work = work
    }
}

/// Where postings live. Every write appends to the change feed in the same transaction.
public protocol JobPostingRepository: Sendable {
    /// Inserts new postings and updates changed ones by `job_id`; identical content is left alone,
    /// so importing the same file twice changes nothing (not even the change feed).
    func upsert(_ postings: [JobPosting]) async throws -> UpsertSummary
    /// The part of `upsert` that needs no database. Pure: callers may run it beside a write.
    func prepare(_ postings: [JobPosting]) async -> PreparedPostings
    /// `upsert(prepared.postings)`, with the work `prepare` did.
    func upsert(_ prepared: PreparedPostings) async throws -> UpsertSummary
    func find(jobID: String) async throws -> StoredJobPosting?
    /// The postings with these row ids for a result list: everything but `descriptionHTML`, in no
    /// particular order; missing ids are skipped.
    func summaries(rowIDs: [Int64]) async throws -> [StoredJobPosting]
    /// Changes with a sequence above `sequence`, oldest first, at most `limit`. The postings carry
    /// everything but `descriptionHTML`, which no follower needs, and their `recordedSkills`.
    func changes(after sequence: Int64, limit: Int) async throws -> [JobPostingChange]
    func count() async throws -> Int
    /// Marks these postings closed (they leave search at once) and appends them to the change feed;
    /// postings already closed are left alone. Returns how many were closed.
    func close(jobIDs: [String], at time: Date) async throws -> Int
}

extension JobPostingRepository {
    public func prepare(_ postings: [JobPosting]) async -> PreparedPostings {
        PreparedPostings(postings: postings)
    }

    public func upsert(_ prepared: PreparedPostings) async throws -> UpsertSummary {
        try await upsert(prepared.postings)
    }
}

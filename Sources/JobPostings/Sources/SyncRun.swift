import Foundation

/// One sync of one source: what it found, what it changed, how long it took, how it ended.
public struct SyncRun: Sendable, Equatable, Codable {
    public var id: Int64?
    public var sourceID: Int64
    public var startedAt: Date
    public var finishedAt: Date
    public var status: SyncStatus
    /// Postings the provider listed (before validation).
    public var fetched = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Postings left out: unmappable, invalid, expired or listed twice. Never fails the batch.
    public var skipped = 0
    /// Postings that disappeared from the source and were closed.
    public var closed = 0
    /// Postings linked to the same posting from another source.
    public var duplicates = 0
    public var error: String?
    /// A few skipped postings with their reasons, for the operator.
    public var skippedExamples: [SkippedPosting] = []

    public init(sourceID: Int64, startedAt: Date, finishedAt: Date, status: SyncStatus) {
        self.sourceID = sourceID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
    }

    public var duration: TimeInterval { finishedAt.timeIntervalSince(startedAt) }
}

public enum SyncStatus: String, Sendable, Codable {
    case succeeded, failed
}

/// A source with how its last sync went and when the next one is due.
public struct JobSourceStatus: Sendable, Equatable {
    public var source: JobSource
    public var lastRun: SyncRun?
    public var nextRunAt: Date?

    public init(source: JobSource, lastRun: SyncRun?, nextRunAt: Date?) {
        self.source = source
        self.lastRun = lastRun
        self.nextRunAt = nextRunAt
    }
}

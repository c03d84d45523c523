import Domain
import Foundation
import Logging
import Platform

/// Pulls one source's listing through its provider and stores it: validates every posting (a bad one
/// is skipped and counted), links cross-source duplicates (`DuplicateFinder`), upserts idempotently on `job_id`, closes
/// what a complete listing no longer contains, and records the run with its `job_sync.completed` event.
///
/// A provider failure is recorded as a failed run and thrown, so the task is retried and finally
/// dead-lettered; a per-provider circuit breaker keeps a broken provider from being hammered.
public struct JobSourceSync: Sendable {
    private let sources: any JobSourceRepository
    private let postings: any JobPostingRepository
    private let links: any JobPostingLinkRepository
    private let providers: JobProviders
    private let breakers: CircuitBreakers
    private let clock: any WallClock
    private let logger: Logger
    /// A whole sync's deadline, on top of each request's own timeout, so a trickling source cannot hold a worker.
    public var deadline: Duration = .seconds(600)
    public var batchSize = 1_000

    public init(sources: any JobSourceRepository, postings: any JobPostingRepository, links: any JobPostingLinkRepository,
                providers: JobProviders, breakers: CircuitBreakers, clock: any WallClock, logger: Logger = Logger(label: "wayfinder.sync")) {
        self.sources = sources
        self.postings = postings
        self.links = links
        self.providers = providers
        self.breakers = breakers
        self.clock = clock
        self.logger = logger
    }

    /// Syncs the source; nil when it no longer exists (a task for a removed source just ends).
    @discardableResult
    public func sync(sourceID: Int64) async throws -> SyncRun? {
        guard let source = try await sources.source(id: sourceID) else {
            logger.notice("source no longer exists; nothing to sync", metadata: ["source_id": "\(sourceID)"])
            return nil
        }
        let started = clock.now()
        let breaker = await breakers.breaker(for: source.kind.rawValue)
        if case .refused(let retryAfter) = await breaker.permit() {
            let error = ProviderError.circuitOpen(retryAfter: retryAfter)
            _ = try await record(failed: source, started: started, error: error)
            throw error
        }
        let listing: ProviderListing
        do {
            listing = try await fetch(source)
            await breaker.recordSuccess()
        } catch {
            if Self.isProviderFault(error) { await breaker.recordFailure() }
            _ = try await record(failed: source, started: started, error: error)
            throw error
        }
        return try await store(listing, of: source, started: started)
    }

    private func fetch(_ source: JobSource) async throws -> ProviderListing {
        let providers = providers, deadline = deadline
        return try await withThrowingTaskGroup(of: ProviderListing?.self) { group in
            group.addTask { try await providers.fetch(source) }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let listing = try await group.next() ?? nil else {
                throw ProviderError.unreachable("the sync took longer than \(deadline.components.seconds) s")
            }
            return listing
        }
    }

    private func store(_ listing: ProviderListing, of source: JobSource, started: Date) async throws -> SyncRun {
        let now = clock.now()
        var run = SyncRun(sourceID: source.id, startedAt: started, finishedAt: now, status: .succeeded)
        run.fetched = listing.drafts.count + listing.skipped.count
        var skipped = listing.skipped
        var accepted: [JobPosting] = []
        var position: [String: Int] = [:]
        for (draft, result) in zip(listing.drafts, await Self.normalize(listing.drafts, updatedAt: now)) {
            switch result {
            case .success(let posting):
                if let earlier = position[posting.jobID] {
                    accepted[earlier] = posting
                    skipped.append(SkippedPosting(externalID: posting.jobID, reason: "listed twice; the last copy was kept"))
                } else {
                    position[posting.jobID] = accepted.count
                    accepted.append(posting)
                }
            case .failure(let error):
                skipped.append(SkippedPosting(externalID: draft.fields["job_id"]?.stringValue, reason: Self.reason(error)))
            }
        }
        run.skipped = skipped.count
        run.skippedExamples = Array(skipped.prefix(20))
        let listedBefore = try await sources.openPostings(of: source.id)
        let (keys, duplicates) = try await DuplicateFinder(links: links).mark(&accepted, of: source.id)
        run.duplicates = duplicates.count
        var writer = OverlappingWriter(repository: postings)
        for start in stride(from: 0, to: accepted.count, by: batchSize) {
            try await writer.write(Array(accepted[start..<min(start + batchSize, accepted.count)]))
        }
        let summary = try await writer.finish()
        run.inserted = summary.inserted
        run.updated = summary.updated
        run.unchanged = summary.unchanged
        try await links.save(keys: keys, links: duplicates)
        if listing.isComplete {
            let gone = listedBefore.subtracting(position.keys)
            run.closed = try await postings.close(jobIDs: gone.sorted(), at: now)
        }
        run.finishedAt = clock.now()
        // Only postings new to this source are added to its membership; the rest are there already.
        let recorded = try await sources.record(run, listed: accepted.map(\.jobID).filter { !listedBefore.contains($0) },
                                                event: try Self.event(run, source: source))
        logger.info("source synced", metadata: [
            "source_id": "\(source.id)", "provider": "\(source.kind.rawValue)", "fetched": "\(run.fetched)",
            "inserted": "\(run.inserted)", "updated": "\(run.updated)", "unchanged": "\(run.unchanged)",
            "skipped": "\(run.skipped)", "closed": "\(run.closed)", "seconds": "\(String(format: "%.2f", run.duration))",
        ])
        return recorded
    }

    /// Validates and normalizes every draft (HTML sanitizing is most of it) on all cores, in order.
    static func normalize(_ drafts: [JobPostingDraft], updatedAt now: Date) async -> [Result<JobPosting, DomainError>] {
        await drafts.concurrentMap(minimumPerPart: 500) { $0.normalize(updatedAt: now) }
    }

    private func record(failed source: JobSource, started: Date, error: any Error) async throws -> SyncRun {
        var run = SyncRun(sourceID: source.id, startedAt: started, finishedAt: clock.now(), status: .failed)
        run.error = String(describing: error)
        logger.warning("source sync failed", metadata: ["source_id": "\(source.id)", "provider": "\(source.kind.rawValue)", "error": "\(run.error ?? "")"])
        return try await sources.record(run, listed: [], event: try Self.event(run, source: source))
    }

    /// Whether a failure says the provider is unwell (errors, garbage, no answer). Throttling is the
    /// provider working as documented, and a misconfigured source is our mistake: neither opens the breaker.
    static func isProviderFault(_ error: any Error) -> Bool {
        switch error as? ProviderError {
        case .throttled?, .misconfigured?, .circuitOpen?: false
        default: true
        }
    }

    private static func reason(_ error: DomainError) -> String {
        guard case .invalid(let message, let fields) = error else { return "\(error)" }
        return fields.isEmpty ? message : fields.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
    }

    /// `job_sync.completed`: provider, source, counts, duration and status.
    static func event(_ run: SyncRun, source: JobSource) throws -> DomainEvent {
        try DomainEvent(topic: "job_sync.completed", json: SyncCompleted(run: run, source: source), occurredAt: run.finishedAt)
    }
}

/// The payload of `job_sync.completed`.
public struct SyncCompleted: Codable, Sendable, Equatable {
    public var provider: String
    public var sourceID: Int64
    public var sourceName: String
    public var status: SyncStatus
    public var fetched: Int
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    public var skipped: Int
    public var closed: Int
    public var duplicates: Int
    public var durationMS: Int
    public var error: String?

    init(run: SyncRun, source: JobSource) {
        provider = source.kind.rawValue
        sourceID = source.id
        sourceName = source.name
        status = run.status
        fetched = run.fetched
        inserted = run.inserted
        updated = run.updated
        unchanged = run.unchanged
        skipped = run.skipped
        closed = run.closed
        duplicates = run.duplicates
        durationMS = Int((run.duration * 1_000).rounded())
        error = run.error
    }

    private enum CodingKeys: String, CodingKey {
        case provider, sourceID = "source_id", sourceName = "source_name", status, fetched, inserted, updated, unchanged
        case skipped, closed, duplicates, durationMS = "duration_ms", error
    }
}

import Foundation

/// Keeps a search index current by reading the repository's change feed from where the index left off.
///
/// One catch-up runs at a time: a call that arrives during one waits for it and then reads what came after,
/// so two writers finishing at once never read or apply a batch twice. A follower that missed a wake-up
/// simply reads more next time, since the feed is ordered.
public actor JobIndexFollower {
    private let repository: any JobPostingRepository
    private let index: any JobSearchIndex
    private let batchSize: Int
    /// The catch-up in progress. The actor does not serialize it alone: it lets other calls in while one awaits.
    private var running: Task<Int, any Error>?

    public init(repository: any JobPostingRepository, index: any JobSearchIndex, batchSize: Int = 50_000) {
        self.repository = repository
        self.index = index
        self.batchSize = batchSize
    }

    /// Applies every change written so far; returns how many were applied.
    ///
    /// The next batch is read while the current one is indexed, so a long catch-up (a first start,
    /// a big import by another process) keeps the database and the index busy at the same time.
    @discardableResult
    public func catchUp() async throws -> Int {
        while let current = running {
            _ = try? await current.value
            if running == current { running = nil }
        }
        let repository = repository, index = index, batchSize = batchSize
        let task = Task { try await Self.applyAll(from: repository, to: index, batchSize: batchSize) }
        running = task
        defer { if running == task { running = nil } }
        return try await task.value
    }

    private static func applyAll(from repository: any JobPostingRepository, to index: any JobSearchIndex, batchSize: Int) async throws -> Int {
        var applied = 0
        var next = try await repository.changes(after: index.appliedSequence, limit: batchSize)
        while let last = next.last {
            let reading = Task { try await repository.changes(after: last.sequence, limit: batchSize) }
            await Self.apply(next, to: index)
            applied += next.count
            next = try await reading.value
        }
        return applied
    }

    /// Indexing a batch of 50,000 changes takes seconds of CPU. It runs on a thread of its own: on the event
    /// loop this actor's tasks run on, it would hold back everything else bound to that loop, the database's
    /// answer for the next batch among them, so the next batch was not read while this one was indexed.
    private static func apply(_ changes: [JobPostingChange], to index: any JobSearchIndex) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                index.apply(changes)
                done.resume()
            }
        }
    }
}

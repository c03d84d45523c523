import Foundation

/// Keeps a search index current by reading the repository's change feed from where the index left off.
///
/// Catching up is serialized by the actor, so two writers finishing at once never apply a batch twice;
/// a follower that missed a wake-up simply reads more next time, since the feed is ordered.
public actor JobIndexFollower {
    private let repository: any JobPostingRepository
    private let index: any JobSearchIndex
    private let batchSize: Int

    public init(repository: any JobPostingRepository, index: any JobSearchIndex, batchSize: Int = 50_000) {
        self.repository = repository
        self.index = index
        self.batchSize = batchSize
    }

    /// Applies every change written so far; returns how many were applied.
    @discardableResult
    public func catchUp() async throws -> Int {
        var applied = 0
        while true {
            let changes = try await repository.changes(after: index.appliedSequence, limit: batchSize)
            if changes.isEmpty { return applied }
            index.apply(changes)
            applied += changes.count
        }
    }
}

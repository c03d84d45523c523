import Foundation

/// Postings in the order they were first stored. Row ids only grow and an update keeps its row,
/// so "stored after row id N" means "first seen since N was the newest": what alerts need.
public protocol NewPostingFeed: Sendable {
    /// The row id of the newest posting (0 when there is none).
    func latestRowID() async throws -> Int64
    /// Open postings first stored after `rowID`, oldest first, at most `limit`, without `descriptionHTML`.
    func postings(storedAfter rowID: Int64, limit: Int) async throws -> [StoredJobPosting]
}

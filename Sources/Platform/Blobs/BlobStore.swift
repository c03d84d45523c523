import Foundation

/// Keeps opaque bytes (uploaded resumes, account exports, attachments) under slash-separated keys such as
/// `resumes/42/original.pdf`, so features store files without knowing whether they land in the data
/// directory of one machine or in a bucket that many `serve` and `work` processes share.
///
/// Every implementation checks keys with `BlobKey.validate(_:)` first, so a key that one store accepts
/// is accepted by all of them and none can name something outside the store.
public protocol BlobStore: Sendable {
    /// Stores `data` under `key`, replacing what was there. A concurrent reader sees the old bytes or the
    /// new ones, never a mix. `contentType` is what a store that serves objects itself hands out with them.
    func put(_ data: Data, key: String, contentType: String) async throws

    /// The bytes stored under `key`; throws `BlobStoreError.notFound` when there are none.
    func get(key: String) async throws -> Data

    /// Removes what is stored under `key`. Removing a key that holds nothing succeeds, so a clean-up task
    /// that is retried after a crash does not fail on its second run.
    func delete(key: String) async throws

    func exists(key: String) async throws -> Bool
}

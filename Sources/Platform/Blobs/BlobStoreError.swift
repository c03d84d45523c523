/// Why a blob store refused or could not serve a key. Failures of the backing service itself (an S3
/// status, a timeout) are that store's own error type, so callers can tell "no such blob" from "store down".
public enum BlobStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing is stored under the key.
    case notFound(key: String)
    /// The key breaks `BlobKey`'s rules; nothing was read or written.
    case invalidKey(String, reason: String)
    /// The stored bytes do not open with this store's key: they were altered, moved from another key,
    /// or sealed under a key the data directory no longer has.
    case unreadable(key: String)
    /// The store could not write or remove the key's file (a full disk, a permission, a folder in the way).
    case storageFailed(key: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let key): "no blob is stored under \"\(key)\""
        case .invalidKey(let key, let reason): "\"\(key)\" is not a valid blob key: \(reason)"
        case .unreadable(let key): "the blob under \"\(key)\" was altered or sealed with another key"
        case .storageFailed(let key, let reason): "could not store or remove the blob under \"\(key)\": \(reason)"
        }
    }
}

import Synchronization

/// The documents of a segment that have not expired at some time, kept for as long as that stays
/// true (until the next expiry), so a search does not compare every expiry date again.
final class ExpiryCache: Sendable {
    private struct Entry {
        var from: Int64
        var until: Int64
        var documents: Bitset
    }

    private let entry = Mutex<Entry?>(nil)

    func documents(at now: Int64, expiresAt: [Int64]) -> Bitset {
        if let cached = entry.withLock({ $0 }), cached.from <= now, now < cached.until { return cached.documents }
        var documents = Bitset(count: expiresAt.count)
        var until = Int64.max
        expiresAt.withUnsafeBufferPointer { expires in
            for document in 0..<expires.count where expires[document] > now {
                documents.insert(document)
                until = min(until, expires[document])
            }
        }
        let fresh = Entry(from: now, until: until, documents: documents)
        entry.withLock { $0 = fresh }
        return documents
    }
}

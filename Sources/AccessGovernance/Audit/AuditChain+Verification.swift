extension AuditChain {
    /// Walks `entries` in the order given (the log returns them by sequence) and names the first one that
    /// breaks the chain: a number out of line (an entry deleted, or entries reordered), a previous hash that
    /// is not the content hash of the entry before (deleted or reordered entries, or the entry before edited
    /// and re-hashed), or content that no longer matches its own hash (edited in place).
    ///
    /// An attacker who edits an entry and recomputes its hash breaks the next entry's link, which is the one
    /// named. What the chain alone cannot show is entries cut from the end (or a whole tail rewritten): the
    /// shorter log is a valid chain. Pass a head noted earlier outside the database as `expectedHead` to
    /// catch that: the log must still reach it, with the same hash at that number.
    public static func verify(_ entries: some Sequence<AuditEntry>, expectedHead: AuditHead? = nil) -> AuditVerification {
        var previous: AuditEntry?
        var count = 0
        for entry in entries {
            if let reason = brokenLink(entry, after: previous) {
                return .broken(sequence: entry.sequence, reason: reason)
            }
            if let expectedHead, entry.sequence == expectedHead.sequence, entry.contentHash != expectedHead.hash {
                return .broken(sequence: entry.sequence, reason: "content hash differs from the known head \(expectedHead): the log was rewritten up to here")
            }
            previous = entry
            count += 1
        }
        let last = previous?.sequence ?? 0
        if let expectedHead, last < expectedHead.sequence {
            return .broken(sequence: last + 1, reason: "missing: the log ends at entry \(last) but entry \(expectedHead.sequence) was known (entries deleted from the end)")
        }
        return .intact(entries: count, lastHash: previous?.contentHash)
    }

    /// Why `entry` does not follow `previous` (`nil` before the first entry), or `nil` when it does.
    static func brokenLink(_ entry: AuditEntry, after previous: AuditEntry?) -> String? {
        let expected = (previous?.sequence ?? 0) + 1
        if entry.sequence > expected {
            return "sequence gap: expected entry \(expected), found \(entry.sequence) (an entry deleted, or entries reordered)"
        }
        if entry.sequence < expected {
            return "out of order: entry \(entry.sequence) comes after entry \(expected - 1) (entries reordered or repeated)"
        }
        if let previous, entry.previousHash != previous.contentHash {
            return "previous hash does not match entry \(previous.sequence)'s content hash (entries deleted or reordered, or entry \(previous.sequence) edited and re-hashed)"
        }
        if previous == nil, entry.previousHash != genesisHash {
            return "previous hash of the first entry is not the zero hash (entries deleted from the start)"
        }
        if contentHash(of: entry) != entry.contentHash {
            return "content does not match its hash (the entry was edited)"
        }
        return nil
    }
}

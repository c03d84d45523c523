/// What walking the chain found.
public enum AuditVerification: Sendable, Equatable {
    /// Every link holds. `lastHash` is the last entry's content hash (`nil` for an empty log).
    case intact(entries: Int, lastHash: String?)
    /// The first entry that breaks the chain, and how.
    case broken(sequence: Int64, reason: String)

    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }

    /// The last entry of an intact, non-empty log (gap-free from 1, so its number is the count).
    public var head: AuditHead? {
        guard case .intact(let entries, let lastHash?) = self else { return nil }
        return AuditHead(sequence: Int64(entries), hash: lastHash)
    }
}

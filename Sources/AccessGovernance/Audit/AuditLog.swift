/// Where access events are kept for good: appended in order, chained by hash, never changed. An
/// implementation takes the time of each entry from its `WallClock` and hands out gap-free numbers even
/// when several processes append at once.
public protocol AuditLog: Sendable {
    /// Seals `event` as the next entry and keeps it.
    @discardableResult
    func append(_ event: AuditEvent) async throws -> AuditEntry

    /// Seals `events` as the next entries, in order, all or none: one request's steps are written together.
    @discardableResult
    func append(contentsOf events: [AuditEvent]) async throws -> [AuditEntry]

    /// The entries that match `filter`, by sequence, at most `filter.limit`.
    func entries(_ filter: AuditFilter) async throws -> [AuditEntry]

    /// Every entry, by sequence: what verification walks.
    func allEntries() async throws -> [AuditEntry]

    /// Walks the whole chain (see `AuditChain.verify`).
    func verify() async throws -> AuditVerification
}

extension AuditLog {
    @discardableResult
    public func append(contentsOf events: [AuditEvent]) async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for event in events { entries.append(try await append(event)) }
        return entries
    }

    public func verify() async throws -> AuditVerification {
        AuditChain.verify(try await allEntries())
    }

    /// Walks the whole chain and checks that it still reaches `expectedHead`, a head noted earlier outside
    /// the log: the only way to notice entries deleted from the end.
    public func verify(expectedHead: AuditHead?) async throws -> AuditVerification {
        AuditChain.verify(try await allEntries(), expectedHead: expectedHead)
    }
}

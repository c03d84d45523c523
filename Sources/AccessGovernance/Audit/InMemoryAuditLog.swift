import Domain

/// An audit log held in memory, for tests and for callers that need a log without a database.
public actor InMemoryAuditLog: AuditLog {
    private let clock: any WallClock
    private var log: [AuditEntry]

    /// Starts empty, or with `entries` as they are (tampered ones included, for tests of verification).
    public init(clock: any WallClock = SystemWallClock(), entries: [AuditEntry] = []) {
        self.clock = clock
        log = entries
    }

    @discardableResult
    public func append(_ event: AuditEvent) -> AuditEntry {
        let entry = AuditChain.seal(
            event, sequence: (log.last?.sequence ?? 0) + 1, at: clock.now(), previousHash: log.last?.contentHash ?? AuditChain.genesisHash
        )
        log.append(entry)
        return entry
    }

    public func entries(_ filter: AuditFilter) -> [AuditEntry] {
        Array(log.lazy.filter(filter.matches).prefix(filter.limit))
    }

    public func allEntries() -> [AuditEntry] { log }
}

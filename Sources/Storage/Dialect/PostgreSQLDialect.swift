/// PostgreSQL's spelling of the engine-specific parts.
public struct PostgreSQLDialect: StorageDialect {
    public init() {}
    public var name: String { "postgresql" }
    public var autoIncrementPrimaryKey: String { "BIGSERIAL PRIMARY KEY" }
    public var bigInteger: String { "BIGINT" }
    public var text: String { "TEXT" }
    /// The protocol allows 65,535 parameters per statement.
    public var maximumBindings: Int { 60_000 }
    public var bindsArrays: Bool { true }
    public var loadsRowsInBulk: Bool { true }
    public var claimLock: String { "FOR UPDATE SKIP LOCKED" }
    public var auditAppendLock: String { "SELECT pg_advisory_xact_lock(\(Self.auditLockKey))" }
    public func bindPlaceholder(at number: Int) -> String { "$\(number)" }

    /// Every write transaction takes this transaction-level advisory lock first. Writers across all
    /// processes then commit one after another, so change-feed sequence numbers are handed out in
    /// commit order and a follower that has read up to N never later finds a smaller N committed.
    /// Migrations run in a write transaction too, so two processes starting at once apply them once.
    static let writeLockKey: Int64 = 0x5746_5752_4954_45  // "WFWRITE"

    /// Taken by audit appends only (see `auditAppendLock`), so they never wait for the change feed's writers.
    static let auditLockKey: Int64 = 0x5746_4155_4449_54  // "WFAUDIT"

    /// Followers LISTEN here; every write transaction NOTIFYs it (delivered at commit).
    static let changeChannel = "wayfinder_changes"
}

/// SQLite's spelling of the engine-specific parts.
public struct SQLiteDialect: StorageDialect {
    public init() {}
    public var name: String { "sqlite" }
    public var autoIncrementPrimaryKey: String { "INTEGER PRIMARY KEY AUTOINCREMENT" }
    public var bigInteger: String { "INTEGER" }
    public var text: String { "TEXT" }
    /// SQLite allows 32,766 since 3.32; stay well below.
    public var maximumBindings: Int { 30_000 }
    public var bindsArrays: Bool { false }
    public var loadsRowsInBulk: Bool { false }
    public var claimLock: String { "" }
    public var auditAppendLock: String { "" }
    public func bindPlaceholder(at number: Int) -> String { "?\(number)" }

    /// Set on every connection: WAL lets readers work while one writer writes; a busy timeout makes a
    /// second process wait for the lock instead of failing at once (30 s: on a loaded two-core machine a
    /// writer and the checkpoint after it have held the lock past 10 s).
    /// The busy timeout comes first, so that switching to WAL waits for another connection's lock too.
    static let connectionPragmas = [
        "PRAGMA busy_timeout = 30000",
        // Only takes effect on a new, empty database (existing files keep their page size). Postings are a
        // few kilobytes each: 16 KiB pages hold several, where 4 KiB pages would hold one and waste a third.
        "PRAGMA page_size = 16384",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = NORMAL",
        // 64 MiB of page cache: a write transaction of thousands of postings fits, instead of spilling
        // pages to the WAL half-way (and reads of recent postings find them cached).
        "PRAGMA cache_size = -65536",
        "PRAGMA foreign_keys = ON",
    ]

    /// Set on the writing connection only. Checkpoints are `SQLiteCheckpointer`'s job; the writer checkpoints
    /// itself only when the WAL has grown to 256 MiB (16,384 pages of 16 KiB) without one, which bounds it.
    ///
    /// A bulk write's multi-row VALUES list is copied into a temporary b-tree before it is inserted; with the
    /// default 2 MiB temporary cache, a 2,000-posting statement spilled it to a temporary file and read it back
    /// (about a tenth of the writer's time). The writer keeps temporary b-trees in memory: they live for one
    /// statement and are a few megabytes at most.
    static let writerPragmas = ["PRAGMA wal_autocheckpoint = 16384", "PRAGMA temp_store = MEMORY"]

    /// Takes the write lock at the start, so a transaction never fails half-way on lock upgrade.
    static let beginWrite = "BEGIN IMMEDIATE"
}

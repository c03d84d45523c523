/// SQLite's spelling of the engine-specific parts.
public struct SQLiteDialect: StorageDialect {
    public init() {}
    public var name: String { "sqlite" }
    public var autoIncrementPrimaryKey: String { "INTEGER PRIMARY KEY AUTOINCREMENT" }
    public var bigInteger: String { "INTEGER" }
    public var text: String { "TEXT" }
    /// SQLite allows 32,766 since 3.32; stay well below.
    public var maximumBindings: Int { 30_000 }
    public var claimLock: String { "" }

    /// Set on every connection: WAL lets readers work while one writer writes; a busy timeout makes a
    /// second process wait for the lock instead of failing at once.
    /// The busy timeout comes first, so that switching to WAL waits for another connection's lock too.
    static let connectionPragmas = [
        "PRAGMA busy_timeout = 10000",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA foreign_keys = ON",
    ]

    /// Takes the write lock at the start, so a transaction never fails half-way on lock upgrade.
    static let beginWrite = "BEGIN IMMEDIATE"
}

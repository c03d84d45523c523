/// The SQL that differs between the engines Wayfinder runs on. Repositories and migrations ask the
/// dialect instead of spelling engine-specific SQL themselves.
public protocol StorageDialect: Sendable {
    var name: String { get }
    /// Column definition of an auto-numbered 64-bit primary key.
    var autoIncrementPrimaryKey: String { get }
    /// Column type of a 64-bit integer.
    var bigInteger: String { get }
    /// Column type of unbounded text.
    var text: String { get }
    /// The most bound parameters one statement may carry.
    var maximumBindings: Int { get }
    /// Appended to the SELECT that picks queued tasks to claim: PostgreSQL locks the picked rows and
    /// skips rows another worker is claiming; SQLite needs nothing, its write transaction is exclusive.
    var claimLock: String { get }
    /// Run first in a transaction that appends to the access audit chain, before it reads the head: PostgreSQL
    /// takes a transaction-level advisory lock, so appenders in every process take turns instead of racing for
    /// the same sequence number; SQLite needs nothing, its write transaction is exclusive.
    var auditAppendLock: String { get }
    /// Whether a whole column of values can be bound as one array (`unnest($1::text[])`, see
    /// `PostgreSQLArray`) for bulk writes; otherwise they use multi-row VALUES lists.
    var bindsArrays: Bool { get }
    /// Whether a write transaction's database loads rows in bulk (`BulkRowLoading`: PostgreSQL's COPY), so
    /// rows are worth encoding for it ahead of the transaction.
    var loadsRowsInBulk: Bool { get }
    /// The placeholder of the `number`-th (1-based) bound value in SQL text written by hand.
    func bindPlaceholder(at number: Int) -> String
}

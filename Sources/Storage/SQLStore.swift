import SQLKit

/// A database Wayfinder keeps its state in, seen through SQLKit.
///
/// `write` runs its body in one transaction (all or nothing) and never concurrently with another
/// write of this process; `read` may run alongside writes.
public protocol SQLStore: Sendable {
    var dialect: any StorageDialect { get }
    func read<Result: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result
    func write<Result: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result
    /// A transaction that appends nothing to the change feed (the task queue, schedules, the outbox on
    /// its own): it does not wait for the feed's write lock where the engine has one.
    func transaction<Result: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result
    func close() async throws
    /// Runs one read whose `?` placeholders take `binds`, and hands back each row's values by
    /// position, without SQLKit's per-column generic decoding: for reads on a hot path (a page of
    /// search results), where that decoding cost more than the query.
    func values(_ sql: String, binds: [Int64]) async throws -> [[ColumnValue]]
    /// `values` for a read of a few rows by key on the request path (a page of search results): where
    /// the engine allows (SQLite), on the caller's thread through a statement prepared once and kept.
    func pageValues(_ sql: String, binds: [Int64]) async throws -> [[ColumnValue]]
    func listenForChanges(_ onChange: @escaping @Sendable () -> Void) async throws
}

extension SQLStore {
    public func pageValues(_ sql: String, binds: [Int64]) async throws -> [[ColumnValue]] {
        try await values(sql, binds: binds)
    }

    /// Calls `onChange` when another process commits a write, for as long as the engine can tell
    /// (PostgreSQL LISTEN/NOTIFY). Engines that cannot tell return at once; followers poll them.
    public func listenForChanges(_ onChange: @escaping @Sendable () -> Void) async throws {}
}

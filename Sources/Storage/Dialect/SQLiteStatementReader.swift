import Foundation
import Synchronization
// SQLiteNIO's own copy of SQLite: the same library, in the same process, that every other
// connection of the store uses. SQLiteNIO prepares a statement for each query and reads each row
// on a thread pool; these reads need neither.
import VaporCSQLite

/// Small reads on the request path (a page of search results by row id): run on the caller's thread,
/// through statements prepared once per connection and kept, with values read straight from SQLite's
/// row buffer by position.
///
/// Preparing the page's statement cost more than reading its twenty rows, and handing the read to a
/// thread pool and back cost about as much again. A read by primary key of a few rows is the same kind
/// of work as reading the memory-mapped search index, which requests also do on their own thread.
///
/// One connection per core, each used by one caller at a time. A caller never waits, neither for a
/// connection nor for a lock inside SQLite: when all connections are taken, or the database is busy,
/// it gets nil and reads another way. Waiting would hold a thread of Swift's shared pool, which on
/// Linux has one thread per core and never grows, and every task of the process runs there.
final class SQLiteStatementReader: Sendable {
    private let slots: [Slot]
    private let isClosed = Atomic<Bool>(false)

    /// Opens `count` connections to the database file at `path` (which must exist), for reading only.
    init(path: String, count: Int = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)) throws {
        var slots: [Slot] = []
        for _ in 0..<count { slots.append(Slot(try PreparedConnection(path: path))) }
        self.slots = slots
    }

    /// The rows of `sql` with its `?` placeholders bound to `binds`, each row's values by position; nil
    /// when every connection is in use, or when SQLite would have to wait for a lock.
    func values(_ sql: String, binds: [Int64]) throws -> [[ColumnValue]]? {
        guard !isClosed.load(ordering: .acquiring) else { throw SQLiteReadError("the reader is closed") }
        // The first free connection, in order: reads that do not overlap all go to the first, whose
        // cache then holds the pages they share, and the others' caches grow only under concurrency.
        for slot in slots where slot.claim() {
            defer { slot.release() }
            return try slot.connection.values(sql, binds: binds)
        }
        return nil
    }

    /// Finalizes the statements and closes the connections, once each read in progress has ended;
    /// reads after this throw.
    func close() {
        isClosed.store(true, ordering: .releasing)
        for slot in slots {
            slot.claimWhenFree()
            slot.connection.close()
            slot.release()
        }
    }

    /// Runs `body` with every connection taken, as when that many reads are in progress (for tests).
    func whileEveryConnectionIsInUse<T>(_ body: () async throws -> T) async rethrows -> T {
        for slot in slots { slot.claimWhenFree() }
        defer { for slot in slots { slot.release() } }
        return try await body()
    }

    /// How many statements the connections keep prepared (for tests, with no read in progress).
    var preparedStatementCount: Int {
        slots.reduce(0) { count, slot in count + slot.connection.statementCount }
    }

    /// A connection and whether a caller is using it. The flag is the connection's only guard: it
    /// is taken with a compare-and-exchange, never waited for.
    private final class Slot: @unchecked Sendable {
        let connection: PreparedConnection
        private let inUse = Atomic<Bool>(false)
        init(_ connection: PreparedConnection) { self.connection = connection }

        func claim() -> Bool {
            inUse.compareExchange(expected: false, desired: true, successOrdering: .acquiring, failureOrdering: .relaxed).exchanged
        }

        /// Takes the connection once the read using it ends: reads take microseconds, and only closing
        /// (once, when the store closes) and tests wait this way.
        func claimWhenFree() {
            while !claim() { sched_yield() }
        }

        func release() { inUse.store(false, ordering: .releasing) }
    }
}

/// One read-only SQLite connection and the statements prepared on it, keyed by their SQL.
final class PreparedConnection {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Statements kept per connection; past this, all are finalized and preparing starts over (a page's
    /// statement differs only by its number of placeholders, so a few dozen cover every page size).
    static let statementLimit = 64

    init(path: String) throws {
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "status \(status)"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteReadError("could not open \(path) for reading: \(message)")
        }
        self.handle = handle
        // No busy handler: a read that would wait for a lock (WAL recovery, a connection holding the
        // file exclusively) answers nil at once and goes to the store's thread pool, which may wait.
        sqlite_nio_sqlite3_busy_timeout(handle, 0)
        // Never writes. 8 MiB of cache, about the pages a 20,000-posting query mix's result pages share;
        // what a connection caches counts in the process's memory, and only the first connection is
        // used unless reads overlap (see `values`).
        for pragma in ["PRAGMA query_only = 1", "PRAGMA cache_size = -8192"] {
            guard sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil) == SQLITE_OK else {
                let error = SQLiteReadError(String(cString: sqlite_nio_sqlite3_errmsg(handle)))
                sqlite_nio_sqlite3_close(handle)
                throw error
            }
        }
    }

    deinit { close() }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements.removeAll()
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    var statementCount: Int { statements.count }

    /// The rows, or nil when SQLite reports the database busy (nothing is waited for).
    func values(_ sql: String, binds: [Int64]) throws -> [[ColumnValue]]? {
        guard handle != nil else { throw SQLiteReadError("the database is closed") }
        guard let statement = try prepared(sql) else { return nil }
        // Resetting ends the statement's read transaction, so it never holds back a checkpoint.
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, value) in binds.enumerated() {
            try check(sqlite_nio_sqlite3_bind_int64(statement, Int32(index + 1), value))
        }
        let columnCount = sqlite_nio_sqlite3_column_count(statement)
        var rows: [[ColumnValue]] = []
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            if status & 0xFF == SQLITE_BUSY { return nil }
            guard status == SQLITE_ROW else { throw error(status) }
            var row: [ColumnValue] = []
            row.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount { row.append(Self.value(of: statement, at: column)) }
            rows.append(row)
        }
    }

    private static func value(of statement: OpaquePointer, at column: Int32) -> ColumnValue {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite_nio_sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .integer(Int64(sqlite_nio_sqlite3_column_double(statement, column)))
        case SQLITE_NULL: return .null
        default:
            // Text, and blobs read as text, as `SQLiteStore.values` does.
            let bytes = sqlite_nio_sqlite3_column_blob(statement, column)
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let bytes, count > 0 else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes.assumingMemoryBound(to: UInt8.self), count: count), as: UTF8.self))
        }
    }

    /// The kept statement for `sql`, prepared now if it is new; nil when reading the schema would wait.
    private func prepared(_ sql: String) throws -> OpaquePointer? {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.statementLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements.removeAll()
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        if status & 0xFF == SQLITE_BUSY { return nil }
        guard status == SQLITE_OK, let statement else { throw error(status) }
        statements[sql] = statement
        return statement
    }

    private func check(_ status: Int32) throws {
        guard status == SQLITE_OK else { throw error(status) }
    }

    private func error(_ status: Int32) -> SQLiteReadError {
        SQLiteReadError("\(String(cString: sqlite_nio_sqlite3_errmsg(handle))) (SQLite status \(status))")
    }
}

struct SQLiteReadError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit

/// The embedded default: one SQLite file in WAL mode, a connection for writes, one for reads and one
/// for checkpoints.
public final class SQLiteStore: SQLStore {
    public let dialect: any StorageDialect = SQLiteDialect()
    private let writer: SQLiteConnection
    private let reader: SQLiteConnection
    private let checkpointer: SQLiteCheckpointer?
    /// Reads of a page of rows by key; nil for an in-memory database, which no other connection can see.
    let pageReader: SQLiteStatementReader?
    private let gate = WriteGate()
    /// SQLite calls block their thread (a busy writer waits in SQLite's busy handler), so each store has
    /// threads of its own: a store waiting for another's lock never starves the one holding it.
    private let threadPool: NIOThreadPool
    public let path: String

    private init(
        path: String, writer: SQLiteConnection, reader: SQLiteConnection, checkpointer: SQLiteCheckpointer?,
        pageReader: SQLiteStatementReader?, threadPool: NIOThreadPool
    ) {
        self.path = path
        self.writer = writer
        self.reader = reader
        self.checkpointer = checkpointer
        self.pageReader = pageReader
        self.threadPool = threadPool
    }

    private static func connect(_ storage: SQLiteConnection.Storage, threadPool: NIOThreadPool, logger: Logger) async throws -> SQLiteConnection {
        try await SQLiteConnection.open(storage: storage, threadPool: threadPool, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
    }

    /// Opens (creating if needed) the database file; `":memory:"` gives a private in-memory database.
    public static func open(path: String, logger: Logger) async throws -> SQLiteStore {
        let threadPool = NIOThreadPool(numberOfThreads: 3)
        threadPool.start()
        do {
            if path == ":memory:" {
                // Two connections to ":memory:" would be two databases; share one instead.
                let connection = try await connect(.memory, threadPool: threadPool, logger: logger)
                try await configure(connection, logger: logger)
                return SQLiteStore(
                    path: path, writer: connection, reader: connection, checkpointer: nil, pageReader: nil, threadPool: threadPool)
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let writer = try await connect(.file(path: path), threadPool: threadPool, logger: logger)
            try await configure(writer, logger: logger, extra: SQLiteDialect.writerPragmas)
            var others: [SQLiteConnection] = []
            let pageReader: SQLiteStatementReader
            do {
                for _ in 0..<2 {
                    let connection = try await connect(.file(path: path), threadPool: threadPool, logger: logger)
                    try await configure(connection, logger: logger)
                    others.append(connection)
                }
                pageReader = try SQLiteStatementReader(path: path)
            } catch {
                for connection in others { try? await connection.close() }
                try? await writer.close()
                throw error
            }
            return SQLiteStore(
                path: path, writer: writer, reader: others[0], checkpointer: SQLiteCheckpointer(connection: others[1]),
                pageReader: pageReader, threadPool: threadPool)
        } catch {
            try? await threadPool.shutdownGracefully()
            throw error
        }
    }

    /// Applies the pragmas; a connection that cannot be configured is closed before the error is thrown.
    private static func configure(_ connection: SQLiteConnection, logger: Logger, extra: [String] = []) async throws {
        let database = connection.sql(queryLogLevel: nil)
        do {
            for pragma in SQLiteDialect.connectionPragmas + extra {
                try await database.raw(SQLQueryString(pragma)).run()
            }
        } catch {
            try? await connection.close()
            throw error
        }
    }

    public func read<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await body(reader.sql(queryLogLevel: nil))
    }

    public func values(_ sql: String, binds: [Int64]) async throws -> [[ColumnValue]] {
        // The connection's own query hands over rows on its thread as they are stepped. The
        // row-returning convenience goes through the futures API, which hops to the event loop once
        // per row: that hop was most of the cost of reading a page of results.
        let rows = NIOLockedValueBox<[[ColumnValue]]>([])
        try await reader.query(sql, binds.map { .integer(Int($0)) }) { row in
            let values = row.columns.map { column -> ColumnValue in
                switch column.data {
                case .integer(let value): .integer(Int64(value))
                case .text(let value): .text(value)
                case .null: .null
                case .float(let value): .integer(Int64(value))
                case .blob(let value): .text(String(buffer: value))
                }
            }
            rows.withLockedValue { $0.append(values) }
        }
        return rows.withLockedValue { $0 }
    }

    public func pageValues(_ sql: String, binds: [Int64]) async throws -> [[ColumnValue]] {
        // On the caller's thread when a kept connection is free; otherwise (an in-memory database,
        // or as many reads at once as there are cores) through the store's reader.
        if let pageReader, let rows = try pageReader.values(sql, binds: binds) { return rows }
        return try await values(sql, binds: binds)
    }

    public func write<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        await gate.enter()
        let started = ContinuousClock.now
        let database = SQLiteDirectDatabase(writer)
        do {
            try await database.raw(SQLQueryString(SQLiteDialect.beginWrite)).run()
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            await gate.leave()
            // A long transaction wrote many pages: its checkpoint should not wait for the idle pause.
            await checkpointer?.committed(after: ContinuousClock.now - started)
            return result
        } catch {
            try? await database.raw("ROLLBACK").run()
            await gate.leave()
            throw error
        }
    }

    /// SQLite has one writer: a transaction is a write.
    public func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await write(body)
    }

    public func close() async throws {
        pageReader?.close()
        await checkpointer?.close()
        try await writer.close()
        if reader !== writer { try await reader.close() }
        try await threadPool.shutdownGracefully()
    }
}

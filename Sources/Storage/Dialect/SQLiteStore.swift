import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit

/// The embedded default: one SQLite file in WAL mode, a connection for writes and one for reads.
public final class SQLiteStore: SQLStore {
    public let dialect: any StorageDialect = SQLiteDialect()
    private let writer: SQLiteConnection
    private let reader: SQLiteConnection
    private let gate = WriteGate()
    public let path: String

    private init(path: String, writer: SQLiteConnection, reader: SQLiteConnection) {
        self.path = path
        self.writer = writer
        self.reader = reader
    }

    /// Opens (creating if needed) the database file; `":memory:"` gives a private in-memory database.
    public static func open(path: String, logger: Logger) async throws -> SQLiteStore {
        if path == ":memory:" {
            // Two connections to ":memory:" would be two databases; share one instead.
            let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
            try await configure(connection, logger: logger)
            return SQLiteStore(path: path, writer: connection, reader: connection)
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        try await configure(writer, logger: logger)
        let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        try await configure(reader, logger: logger)
        return SQLiteStore(path: path, writer: writer, reader: reader)
    }

    private static func configure(_ connection: SQLiteConnection, logger: Logger) async throws {
        let database = connection.sql(queryLogLevel: nil)
        for pragma in SQLiteDialect.connectionPragmas {
            try await database.raw(SQLQueryString(pragma)).run()
        }
    }

    public func read<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await body(reader.sql(queryLogLevel: nil))
    }

    public func write<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        await gate.enter()
        let database = writer.sql(queryLogLevel: nil)
        do {
            try await database.raw(SQLQueryString(SQLiteDialect.beginWrite)).run()
            let result = try await body(database)
            try await database.raw("COMMIT").run()
            await gate.leave()
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
        try await writer.close()
        if reader !== writer { try await reader.close() }
    }
}

import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// What a PostgreSQL transaction hands its body: SQLKit's view of the connection, plus the connection itself
/// for what SQLKit cannot say (COPY).
struct PostgreSQLSession: SQLDatabase, BulkRowLoading {
    let connection: PostgresConnection
    let sql: any SQLDatabase

    init(connection: PostgresConnection) {
        self.connection = connection
        sql = connection.sql(queryLogLevel: nil)
    }

    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// Sent in pieces of this size: each is one CopyData message, and the server parses one while the
    /// next is on its way.
    static let pieceBytes = 1 << 20

    func load(_ rows: CopyTextRows, into table: String, columns: [String]) async throws {
        guard !rows.isEmpty else { return }
        try await connection.copyFrom(table: table, columns: columns, logger: connection.logger) { writer in
            var start = 0
            let bytes = rows.bytes
            while start < bytes.count {
                let end = min(bytes.count, start + Self.pieceBytes)
                try await writer.write(ByteBuffer(bytes: bytes[start..<end]))
                start = end
            }
        }
    }
}

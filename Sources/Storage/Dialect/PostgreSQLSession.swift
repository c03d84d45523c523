import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// What a PostgreSQL transaction hands its body: SQLKit's view of the connection, plus the connection itself
/// for what SQLKit cannot say (COPY).
struct PostgreSQLSession: ForwardingSQLDatabase, BulkRowLoading {
    let connection: PostgresConnection
    let base: any SQLDatabase

    init(connection: PostgresConnection) {
        self.connection = connection
        base = connection.sql(queryLogLevel: nil)
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

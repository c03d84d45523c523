import Logging
import NIOCore
import SQLiteKit
import SQLiteNIO
import SQLKit

/// The writer's connection as SQLKit sees it, plus the connection itself, so that `BoundStatement`'s bulk
/// statements can hand their values to SQLite as they are. Through SQLKit, each bound value is cast to a
/// protocol existential and encoded one at a time: a few microseconds per written posting, on the one
/// thread that writes.
struct SQLiteDirectDatabase: ForwardingSQLDatabase {
    let base: any SQLDatabase
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) {
        self.connection = connection
        base = connection.sql(queryLogLevel: nil)
    }

    /// Runs `sql` with `binds` converted without casts to protocols; nil when a value is of a type it does not
    /// know (the caller then goes through SQLKit).
    func execute(sql: String, binds: [any Encodable & Sendable], _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws -> Bool {
        var values: [SQLiteData] = []
        values.reserveCapacity(binds.count)
        for bind in binds {
            switch bind {
            case let text as String: values.append(.text(text))
            case let number as Int64: values.append(.integer(Int(number)))
            case let number as Int: values.append(.integer(number))
            default: return false
            }
        }
        try await connection.query(sql, values) { onRow($0.sql()) }
        return true
    }
}

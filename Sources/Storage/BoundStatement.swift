import Foundation
import SQLKit

/// SQL text with its placeholders already written (see `StorageDialect.bindPlaceholder(at:)`) and the
/// values they stand for: for statements too large to build expression by expression.
struct BoundStatement: SQLExpression {
    var sql: String
    var binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(sql)
        serializer.binds += binds
    }

    func all(on database: any SQLDatabase) async throws -> [any SQLRow] {
        let rows = RowCollector()
        try await execute(on: database) { rows.append($0) }
        return rows.rows
    }

    func run(on database: any SQLDatabase) async throws {
        try await execute(on: database) { _ in }
    }

    private func execute(on database: any SQLDatabase, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if let direct = database as? SQLiteDirectDatabase, try await direct.execute(sql: sql, binds: binds, onRow) { return }
        try await database.execute(sql: self, onRow)
    }
}

/// Collects result rows; the database calls `onRow` one row at a time.
private final class RowCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [any SQLRow] = []

    func append(_ row: any SQLRow) {
        lock.lock()
        collected.append(row)
        lock.unlock()
    }

    var rows: [any SQLRow] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

/// `StorageDialect.bindPlaceholder(at:)` for 1…`maximumBindings`, spelled once per engine.
struct BindPlaceholders: Sendable {
    private let spelled: [String]

    subscript(number: Int) -> String { spelled[number] }

    private static let sqlite = BindPlaceholders(SQLiteDialect())
    private static let postgresql = BindPlaceholders(PostgreSQLDialect())

    private init(_ dialect: any StorageDialect) {
        spelled = [""] + (1...dialect.maximumBindings).map(dialect.bindPlaceholder(at:))
    }

    static func shared(for dialect: any StorageDialect) -> BindPlaceholders {
        switch dialect.name {
        case SQLiteDialect().name: sqlite
        case PostgreSQLDialect().name: postgresql
        default: BindPlaceholders(dialect)
        }
    }
}

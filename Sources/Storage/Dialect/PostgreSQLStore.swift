import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through a PostgresNIO connection pool: any number of processes on one database.
public final class PostgreSQLStore: SQLStore {
    public let dialect: any StorageDialect = PostgreSQLDialect()
    private let client: PostgresClient
    private let running: Task<Void, Never>

    private init(client: PostgresClient) {
        self.client = client
        running = Task { await client.run() }
    }

    /// Connects to `postgres://user:password@host:port/database?sslmode=…` with up to `poolSize` connections.
    /// Fails within `connectTimeout` when the server cannot be reached (the pool itself would keep retrying).
    public static func open(
        url: String, poolSize: Int = 10, connectTimeout: Duration = .seconds(10), logger: Logger
    ) async throws -> PostgreSQLStore {
        let address = try PostgreSQLURL(url)
        let store = PostgreSQLStore(client: PostgresClient(configuration: try address.configuration(poolSize: poolSize), backgroundLogger: logger))
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await store.read { database in try await database.raw("SELECT 1 AS one").all() } }
                group.addTask {
                    try await Task.sleep(for: connectTimeout)
                    throw PostgreSQLError(message: "no answer within \(connectTimeout)")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            try? await store.close()
            // PostgresNIO hides server details from `description`; an operator needs them here.
            throw PostgreSQLError(message: "cannot connect to \(address.redacted): \(String(reflecting: error))")
        }
        return store
    }

    /// Creates an empty database on the server `serverURL` points at and returns the URL for it.
    public static func createDatabase(named name: String, serverURL: String, logger: Logger) async throws -> String {
        guard var components = URLComponents(string: serverURL) else { throw PostgreSQLError(message: "unreadable URL") }
        let admin = try await open(url: serverURL, poolSize: 1, logger: logger)
        do {
            try await admin.read { database in try await database.raw("CREATE DATABASE \(ident: name)").run() }
        } catch {
            try? await admin.close()
            throw error
        }
        try await admin.close()
        components.path = "/" + name
        return components.string ?? serverURL
    }

    public func read<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    public func values(_ sql: String, binds: [Int64]) async throws -> [[ColumnValue]] {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { bindings.append(value) }
        let query = PostgresQuery(unsafeSQL: Self.numberingPlaceholders(sql), binds: bindings)
        return try await client.withConnection { connection in
            var rows: [[ColumnValue]] = []
            for try await row in try await connection.query(query, logger: connection.logger) {
                rows.append(try row.map { cell in
                    guard cell.bytes != nil else { return .null }
                    switch cell.dataType {
                    case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
                    default: return .text(try cell.decode(String.self))
                    }
                })
            }
            return rows
        }
    }

    /// `?` placeholders as PostgreSQL numbers them (`$1`, `$2`, …); the SQL passed to `values` has no
    /// other question marks.
    static func numberingPlaceholders(_ sql: String) -> String {
        var result = ""
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    public func write<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            let database = PostgreSQLSession(connection: connection)
            try await database.raw("BEGIN").run()
            do {
                try await database.raw("SELECT pg_advisory_xact_lock(\(bind: PostgreSQLDialect.writeLockKey))").run()
                let result = try await body(database)
                try await database.raw("NOTIFY \(unsafeRaw: PostgreSQLDialect.changeChannel)").run()
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            let database = connection.sql(queryLogLevel: nil)
            try await database.raw("BEGIN").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Calls `onChange` whenever another transaction commits, until the task is cancelled.
    public func listenForChanges(_ onChange: @escaping @Sendable () -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: PostgreSQLDialect.changeChannel) { notifications in
                for try await _ in notifications { onChange() }
            }
        }
    }

    public func close() async throws {
        running.cancel()
    }
}

/// Reads a `postgres://` URL into a client configuration: host or `?host=/socket/dir`, port,
/// user, password, database, and `sslmode` (disable, prefer, require, verify-full).
struct PostgreSQLURL {
    let components: URLComponents

    init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw PostgreSQLError(message: "not a postgres:// URL")
        }
        self.components = components
    }

    /// The URL without its password, for messages.
    var redacted: String {
        var copy = components
        if copy.password != nil { copy.password = "***" }
        return copy.string ?? "the database"
    }

    func configuration(poolSize: Int) throws -> PostgresClient.Configuration {
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let user = components.percentEncodedUser?.removingPercentEncoding ?? "postgres"
        let password = components.percentEncodedPassword?.removingPercentEncoding
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.isEmpty ? nil : path
        var configuration: PostgresClient.Configuration
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            let port = components.port ?? 5432
            configuration = .init(unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            configuration = .init(
                host: components.host ?? "localhost", port: components.port ?? 5432, username: user,
                password: password, database: database, tls: try tls(query["sslmode"] ?? "prefer")
            )
        }
        configuration.options.maximumConnections = max(1, poolSize)
        return configuration
    }

    private func tls(_ mode: String) throws -> PostgresClient.Configuration.TLS {
        switch mode {
        case "disable": return .disable
        case "prefer", "allow":
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return .prefer(tls)
        case "require":
            // As libpq: encrypted, without checking the certificate (use verify-full for that).
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return .require(tls)
        case "verify-ca", "verify-full":
            return .require(.makeClientConfiguration())
        default:
            throw PostgreSQLError(message: "sslmode must be disable, prefer, require, verify-ca or verify-full")
        }
    }
}

public struct PostgreSQLError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "PostgreSQL: \(message)" }

    public init(message: String) {
        self.message = message
    }
}

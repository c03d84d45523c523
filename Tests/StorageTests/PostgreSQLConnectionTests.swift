import Foundation
import Logging
import SQLKit
import Storage
import Testing

@Suite("PostgreSQL connections", .enabled(if: StorageBackend.postgresURL != nil))
struct PostgreSQLConnectionTests {
    static func url(sslmode: String) throws -> String {
        let base = try #require(StorageBackend.postgresURL)
        var components = try #require(URLComponents(string: base))
        components.queryItems = [URLQueryItem(name: "sslmode", value: sslmode)]
        return try #require(components.string)
    }

    static func usesTLS(_ store: any SQLStore) async throws -> Bool {
        try await store.read { database in
            try await database.raw("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first(decodingColumn: "ssl", as: Bool.self)
        } ?? false
    }

    @Test("sslmode=require encrypts the connection; sslmode=disable does not")
    func tls() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let encrypted = try await PostgreSQLStore.open(url: try Self.url(sslmode: "require"), poolSize: 1, logger: logger)
        #expect(try await Self.usesTLS(encrypted))
        try await encrypted.close()
        let plain = try await PostgreSQLStore.open(url: try Self.url(sslmode: "disable"), poolSize: 1, logger: logger)
        #expect(try await Self.usesTLS(plain) == false)
        try await plain.close()
    }

    @Test("an unreachable server is a clear error naming the address, without the password")
    func unreachable() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        do {
            _ = try await PostgreSQLStore.open(url: "postgres://someone:hunter2@127.0.0.1:1/nowhere?sslmode=disable", poolSize: 1, connectTimeout: .seconds(1), logger: logger)
            Issue.record("connected to nothing")
        } catch let error as PostgreSQLError {
            #expect(error.description.contains("127.0.0.1:1/nowhere"))
            #expect(!error.description.contains("hunter2"))
        }
    }
}

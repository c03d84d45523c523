import Foundation
import Logging
import SQLKit
import Storage
import TestPeers
import Testing

/// The engines the storage contract runs on: SQLite always, PostgreSQL when
/// `WAYFINDER_TEST_POSTGRES_URL` names a server (CI always sets it).
enum StorageBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    static var postgresURL: String? { ProcessInfo.processInfo.environment["WAYFINDER_TEST_POSTGRES_URL"] }

    static var available: [StorageBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var description: String { rawValue }

    /// A fresh, migrated, empty database on this engine.
    func makeStore() async throws -> any SQLStore {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let store: any SQLStore
        switch self {
        case .sqlite:
            let path = Scratch.root
                .appendingPathComponent("wayfinder-test-\(UUID().uuidString).sqlite").path
            store = try await SQLiteStore.open(path: path, logger: logger)
        case .postgres:
            store = try await PostgreSQLStore.open(url: try await Self.freshPostgresDatabase(), poolSize: 4, logger: logger)
        }
        try await Migrator(store: store).migrate()
        return store
    }

    /// Creates an empty database on the test server and returns its URL.
    static func freshPostgresDatabase() async throws -> String {
        guard let base = postgresURL else { throw PostgreSQLError(message: "WAYFINDER_TEST_POSTGRES_URL is not set") }
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let name = "wayfinder_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try await PostgreSQLStore.createDatabase(named: name, serverURL: base, logger: logger)
    }
}

@Suite("Storage backends")
struct StorageBackendTests {
    @Test("CI runs the PostgreSQL contract: a missing server is a failure there, not a skip")
    func postgresInCI() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(StorageBackend.postgresURL != nil, "CI must set WAYFINDER_TEST_POSTGRES_URL (see .ci/run)")
        }
    }
}

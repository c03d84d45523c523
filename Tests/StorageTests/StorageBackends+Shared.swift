import Foundation
import Logging
import Storage
import TestPeers

extension StorageBackend {
    /// Two stores on one fresh, migrated database, as two processes would have.
    func makeTwoStores() async throws -> (any SQLStore, any SQLStore) {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        switch self {
        case .sqlite:
            let path = Scratch.root.appendingPathComponent("wayfinder-test-\(UUID().uuidString).sqlite").path
            let first = try await SQLiteStore.open(path: path, logger: logger)
            try await Migrator(store: first).migrate()
            return (first, try await SQLiteStore.open(path: path, logger: logger))
        case .postgres:
            let url = try await Self.freshPostgresDatabase()
            let first = try await PostgreSQLStore.open(url: url, poolSize: 4, logger: logger)
            try await Migrator(store: first).migrate()
            return (first, try await PostgreSQLStore.open(url: url, poolSize: 4, logger: logger))
        }
    }
}

extension StorageBackend {
    /// Runs `body` with two stores on one fresh database and closes both, also when `body` throws.
    func withTwoStores(_ body: (any SQLStore, any SQLStore) async throws -> Void) async throws {
        let (first, second) = try await makeTwoStores()
        do {
            try await body(first, second)
        } catch {
            try? await first.close()
            try? await second.close()
            throw error
        }
        try await first.close()
        try await second.close()
    }
}

extension StorageBackend {
    /// Runs `body` with one fresh, migrated store and closes it, also when `body` throws.
    func withStore(_ body: (any SQLStore) async throws -> Void) async throws {
        let store = try await makeStore()
        do {
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}

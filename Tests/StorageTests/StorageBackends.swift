import Foundation
import Logging
import Storage

/// The engines the storage contract runs on. SQLite always; more engines join when configured.
enum StorageBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite

    static var available: [StorageBackend] { [.sqlite] }

    /// A fresh, migrated, empty database on this engine.
    func makeStore() async throws -> any SQLStore {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("wayfinder-test-\(UUID().uuidString).sqlite").path
            let store = try await SQLiteStore.open(path: path, logger: Logger(label: "test"))
            try await Migrator(store: store).migrate()
            return store
        }
    }
}

extension StorageBackend {
    var description: String { rawValue }
}

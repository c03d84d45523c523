@testable import Accounts
import Domain
import Foundation
import Synchronization
import Testing

@Suite("API key service")
struct APIKeyServiceTests {
    /// Keys in memory: enough to check how secrets are made and read back.
    final class Keys: APIKeyRepository, Sendable {
        let stored = Mutex<[APIKey]>([])
        func create(_ key: APIKey) async throws { stored.withLock { $0.append(key) } }
        func keys(userID: String) async throws -> [APIKey] { stored.withLock { $0.filter { $0.userID == userID } } }
        func delete(id: String, userID: String) async throws -> Bool {
            stored.withLock { keys in
                let before = keys.count
                keys.removeAll { $0.id == id && $0.userID == userID }
                return keys.count < before
            }
        }
        func key(prefix: String) async throws -> APIKey? { stored.withLock { $0.first { $0.prefix == prefix } } }
        func markUsed(id: String, at time: Date) async throws {}
    }

    @Test("every new key authenticates, however its random parts fall, and a changed one does not")
    func keysRoundTrip() async throws {
        let service = APIKeyService(keys: Keys(), clock: FixedWallClock(Date(timeIntervalSince1970: 0)))
        let actor = Actor(userID: "u", groups: [.candidate])
        for index in 0..<20 {
            let (key, secret) = try await service.create(actor: actor, name: "key \(index)", ratePerSecond: nil)
            #expect(try await service.authenticate(secret).id == key.id)
            #expect(key.secretHash != secret && !key.secretHash.contains(secret))
            await #expect(throws: DomainError.self) { try await service.authenticate(secret + "x") }
        }
    }
}

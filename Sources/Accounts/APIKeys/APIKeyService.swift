import Domain
import Foundation

/// Keys for search clients: the secret is shown once at creation and kept only as a hash.
public struct APIKeyService: Sendable {
    public static let defaultRatePerSecond = 100
    public static let maximumKeysPerUser = 20
    let keys: any APIKeyRepository
    let clock: any WallClock

    public init(keys: any APIKeyRepository, clock: any WallClock) {
        self.keys = keys
        self.clock = clock
    }

    /// A new key and its secret (`wf_<prefix>_<secret>`), which is never shown again.
    public func create(actor: Actor, name rawName: String?, ratePerSecond: Int?) async throws -> (key: APIKey, secret: String) {
        var errors: [FieldError] = []
        let name = (rawName ?? "").trimmingWhitespace()
        if name.isEmpty || name.count > 100 { errors.append(FieldError(field: "name", message: "must be 1 to 100 characters")) }
        let rate = ratePerSecond ?? Self.defaultRatePerSecond
        if !(1...10_000).contains(rate) { errors.append(FieldError(field: "rate_limit_per_second", message: "must be from 1 to 10000")) }
        guard errors.isEmpty else { throw DomainError.invalid("The API key is not valid.", fieldErrors: errors) }
        guard try await keys.keys(userID: actor.userID).count < Self.maximumKeysPerUser else {
            throw DomainError.conflict("An account may hold at most \(Self.maximumKeysPerUser) API keys; delete one first.")
        }
        // Hex, so the prefix never contains the '_' that separates the parts of a key.
        let prefix = String(SecretToken.digest(SecretToken.generate()).prefix(10))
        let secret = "wf_\(prefix)_\(SecretToken.generate())"
        let key = APIKey(
            id: SecretToken.identifier(), userID: actor.userID, name: name, prefix: prefix,
            secretHash: SecretToken.digest(secret), ratePerSecond: rate, createdAt: clock.now(), lastUsedAt: nil
        )
        try await keys.create(key)
        return (key, secret)
    }

    public func list(actor: Actor) async throws -> [APIKey] {
        try await keys.keys(userID: actor.userID)
    }

    public func delete(actor: Actor, id: String) async throws {
        guard try await keys.delete(id: id, userID: actor.userID) else { throw DomainError.notFound("There is no API key \(id).") }
    }

    /// The key a client sent as `X-API-Key`, or `DomainError.unauthorized`.
    public func authenticate(_ secret: String) async throws -> APIKey {
        let parts = secret.split(separator: "_", maxSplits: 2)
        guard parts.count == 3, parts[0] == "wf", let key = try await keys.key(prefix: String(parts[1])),
              ConstantTime.equals(key.secretHash, SecretToken.digest(secret))
        else { throw DomainError.unauthorized("The API key is not valid.") }
        // Remember use at most once a minute, so a busy client does not turn every search into a write.
        let now = clock.now()
        if key.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await keys.markUsed(id: key.id, at: now)
        }
        return key
    }
}

/// Comparisons of secrets that take the same time however much of a guess is right.
public enum ConstantTime {
    public static func equals(_ left: String, _ right: String) -> Bool {
        let left = Array(left.utf8), right = Array(right.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}

import Foundation

/// A key a search client sends as `X-API-Key`; only a hash of its secret is kept.
public struct APIKey: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var name: String
    /// The first characters of the key, kept in clear so a user can tell keys apart.
    public var prefix: String
    public var secretHash: String
    /// Requests per second this key may make.
    public var ratePerSecond: Int
    public var createdAt: Date
    public var lastUsedAt: Date?

    public init(id: String, userID: String, name: String, prefix: String, secretHash: String, ratePerSecond: Int,
                createdAt: Date, lastUsedAt: Date?) {
        self.id = id
        self.userID = userID
        self.name = name
        self.prefix = prefix
        self.secretHash = secretHash
        self.ratePerSecond = ratePerSecond
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}

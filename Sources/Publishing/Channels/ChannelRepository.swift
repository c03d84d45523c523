import Foundation

/// Where channels live. Implementations seal `Channel.secrets` at rest.
public protocol ChannelRepository: Sendable {
    func insert(_ channel: Channel) async throws
    func channel(id: String, owner: String) async throws -> Channel?
    /// Any owner's channel, for the worker that delivers to it.
    func channel(id: String) async throws -> Channel?
    func channels(owner: String) async throws -> [Channel]
    /// False when there is no such channel of this owner.
    func update(_ channel: Channel) async throws -> Bool
    func delete(id: String, owner: String) async throws -> Bool
}

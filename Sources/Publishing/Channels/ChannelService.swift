import Domain
import Foundation
import Platform

/// Connecting, changing, testing and removing an owner's channels.
public struct ChannelService: Sendable {
    let channels: any ChannelRepository
    let adapters: ChannelAdapters
    let clock: any WallClock

    public init(channels: any ChannelRepository, adapters: ChannelAdapters, clock: any WallClock) {
        self.channels = channels
        self.adapters = adapters
        self.clock = clock
    }

    /// The new channel, and the webhook signing secret when Wayfinder made one: shown once, never again.
    public func create(kind: ChannelKind, name: String?, settings: ChannelSettings, secrets: ChannelSecrets,
                       owner: Actor) async throws -> (channel: Channel, signingSecret: String?) {
        var secrets = secrets
        var generated: String?
        if kind == .webhook, secrets.signingSecret == nil {
            generated = RandomHex.make(bytes: 32)
            secrets.signingSecret = generated
        }
        let name = name ?? Self.defaultName(kind, settings: settings)
        let problems = ChannelValidation.problems(kind: kind, name: name, settings: settings, secrets: secrets)
        guard problems.isEmpty else { throw DomainError.invalid("the channel cannot be connected as given", fieldErrors: problems) }
        let now = clock.now()
        let channel = Channel(id: UUID().uuidString.lowercased(), ownerID: owner.userID, kind: kind, name: name, settings: settings,
                              secrets: secrets, createdAt: now, updatedAt: now)
        try await channels.insert(channel)
        return (channel, generated)
    }

    public func channel(id: String, owner: Actor) async throws -> Channel {
        guard let channel = try await channels.channel(id: id, owner: owner.userID) else { throw DomainError.notFound("no such channel") }
        return channel
    }

    public func channels(owner: Actor) async throws -> [Channel] {
        try await channels.channels(owner: owner.userID)
    }

    /// Changes what is given; credentials given replace the old ones field by field (a new token, say).
    public func update(id: String, owner: Actor, name: String?, settings: ChannelSettings?, secrets: ChannelSecrets?) async throws -> Channel {
        var channel = try await channel(id: id, owner: owner)
        if let name { channel.name = name }
        if let settings { channel.settings = settings }
        if let secrets {
            channel.secrets = channel.secrets.merging(secrets)
            // New credentials deserve a fresh start.
            channel.status = .connected
            channel.statusDetail = nil
        }
        let problems = ChannelValidation.problems(kind: channel.kind, name: channel.name, settings: channel.settings, secrets: channel.secrets)
        guard problems.isEmpty else { throw DomainError.invalid("the channel cannot be changed that way", fieldErrors: problems) }
        channel.updatedAt = clock.now()
        guard try await channels.update(channel) else { throw DomainError.notFound("no such channel") }
        return channel
    }

    public func delete(id: String, owner: Actor) async throws {
        guard try await channels.delete(id: id, owner: owner.userID) else { throw DomainError.notFound("no such channel") }
    }

    /// Asks the network whether the channel works and records the answer as its status.
    public func test(id: String, owner: Actor) async throws -> ChannelTest {
        var channel = try await channel(id: id, owner: owner)
        let adapter = adapters.adapter(for: channel.kind)
        var result: ChannelTest
        do {
            result = ChannelTest(ok: true, detail: try await adapter.test(channel))
            channel.status = .connected
            channel.statusDetail = nil
        } catch .unauthorized(let message) {
            if let secrets = try? await adapter.refresh(channel) {
                channel.secrets = secrets
                channel.status = .connected
                channel.statusDetail = nil
                result = ChannelTest(ok: true, detail: "the token had expired and was refreshed")
            } else {
                channel.status = .expired
                channel.statusDetail = message
                result = ChannelTest(ok: false, detail: message)
            }
        } catch {
            channel.status = .failing
            channel.statusDetail = error.description
            result = ChannelTest(ok: false, detail: error.description)
        }
        channel.updatedAt = clock.now()
        _ = try await channels.update(channel)
        result.channel = channel
        return result
    }

    static func defaultName(_ kind: ChannelKind, settings: ChannelSettings) -> String {
        switch kind {
        case .email: "Email to \(settings.recipients.first ?? "recipients")"
        case .sms: "SMS to \(settings.recipients.first ?? "a phone")"
        case .webhook: "Webhook \(settings.url.flatMap { URL(string: $0)?.host } ?? "")".trimmingCharacters(in: .whitespaces)
        default: kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        }
    }
}

public struct ChannelTest: Sendable, Equatable {
    public var ok: Bool
    public var detail: String
    public var channel: Channel?
}

extension ChannelSecrets {
    /// These secrets with every field `newer` sets.
    func merging(_ newer: ChannelSecrets) -> ChannelSecrets {
        ChannelSecrets(webhookURL: newer.webhookURL ?? webhookURL, signingSecret: newer.signingSecret ?? signingSecret,
                       accessToken: newer.accessToken ?? accessToken, refreshToken: newer.refreshToken ?? refreshToken,
                       expiresAt: newer.accessToken != nil ? newer.expiresAt : expiresAt, clientID: newer.clientID ?? clientID,
                       clientSecret: newer.clientSecret ?? clientSecret, authToken: newer.authToken ?? authToken)
    }
}

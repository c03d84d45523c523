import Foundation
import Platform
import Publishing
import SQLKit

/// Channels over SQLKit. Credentials are one JSON object sealed with the secret box (AES-GCM), so a copy
/// of the database alone reveals no token.
public struct SQLChannelRepository: ChannelRepository {
    private let store: any SQLStore
    private let box: SecretBox

    public init(store: any SQLStore, box: SecretBox) {
        self.store = store
        self.box = box
    }

    public func insert(_ channel: Channel) async throws {
        let settings = try StoredJSON.encode(channel.settings), sealed = try seal(channel.secrets)
        try await store.write { database in
            try await database.raw("""
                INSERT INTO publishing_channels (id, owner_id, kind, name, settings, sealed_secrets, status, status_detail, token_expires_at,
                                                 created_at, updated_at)
                VALUES (\(bind: channel.id), \(bind: channel.ownerID), \(bind: channel.kind.rawValue), \(bind: channel.name), \(bind: settings),
                        \(bind: sealed), \(bind: channel.status.rawValue), \(bind: channel.statusDetail),
                        \(bind: channel.tokenExpiresAt.map(Milliseconds.from)), \(bind: Milliseconds.from(channel.createdAt)),
                        \(bind: Milliseconds.from(channel.updatedAt)))
                """).run()
        }
    }

    public func channel(id: String, owner: String) async throws -> Channel? {
        let rows = try await store.read { database in
            try await database.raw("SELECT * FROM publishing_channels WHERE id = \(bind: id) AND owner_id = \(bind: owner)").all()
        }
        return try rows.first.map(channel)
    }

    public func channel(id: String) async throws -> Channel? {
        let rows = try await store.read { database in
            try await database.raw("SELECT * FROM publishing_channels WHERE id = \(bind: id)").all()
        }
        return try rows.first.map(channel)
    }

    public func channels(owner: String) async throws -> [Channel] {
        let rows = try await store.read { database in
            try await database.raw("SELECT * FROM publishing_channels WHERE owner_id = \(bind: owner) ORDER BY created_at, id").all()
        }
        return try rows.map(channel)
    }

    public func update(_ channel: Channel) async throws -> Bool {
        let settings = try StoredJSON.encode(channel.settings), sealed = try seal(channel.secrets)
        return try await store.write { database in
            try await database.raw("""
                UPDATE publishing_channels SET name = \(bind: channel.name), settings = \(bind: settings), sealed_secrets = \(bind: sealed),
                    status = \(bind: channel.status.rawValue), status_detail = \(bind: channel.statusDetail),
                    token_expires_at = \(bind: channel.tokenExpiresAt.map(Milliseconds.from)), updated_at = \(bind: Milliseconds.from(channel.updatedAt))
                WHERE id = \(bind: channel.id) AND owner_id = \(bind: channel.ownerID) RETURNING id
                """).first() != nil
        }
    }

    public func delete(id: String, owner: String) async throws -> Bool {
        try await store.write { database in
            try await database.raw("DELETE FROM publishing_channels WHERE id = \(bind: id) AND owner_id = \(bind: owner) RETURNING id").first() != nil
        }
    }

    private func seal(_ secrets: ChannelSecrets) throws -> String? {
        secrets.isEmpty ? nil : try box.seal(Data(try StoredJSON.encode(secrets).utf8))
    }

    private func channel(_ row: any SQLRow) throws -> Channel {
        let sealed = try row.decode(column: "sealed_secrets", as: String?.self)
        let secrets = try sealed.map { try StoredJSON.decode(ChannelSecrets.self, String(decoding: try box.open($0), as: UTF8.self)) } ?? ChannelSecrets()
        return Channel(
            id: try row.decode(column: "id", as: String.self), ownerID: try row.decode(column: "owner_id", as: String.self),
            kind: ChannelKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .webhook,
            name: try row.decode(column: "name", as: String.self),
            settings: try StoredJSON.decode(ChannelSettings.self, try row.decode(column: "settings", as: String.self)),
            secrets: secrets, status: ChannelStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failing,
            statusDetail: try row.decode(column: "status_detail", as: String?.self),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}

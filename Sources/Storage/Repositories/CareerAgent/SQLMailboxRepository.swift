import CareerAgent
import Foundation
import SQLKit

/// Connected mailboxes over SQLKit; the password column holds only the sealed form.
public struct SQLMailboxRepository: MailboxRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ mailbox: ConnectedMailbox) async throws {
        try await store.write { database in
            try await database.raw("""
                INSERT INTO mailboxes (id, user_id, host, port, security, username, sealed_password, folder, uid_validity, last_uid,
                                       last_sync_at, last_error, messages_read, created_at)
                VALUES (\(bind: mailbox.id), \(bind: mailbox.userID), \(bind: mailbox.host), \(bind: mailbox.port),
                        \(bind: mailbox.security.rawValue), \(bind: mailbox.username), \(bind: mailbox.sealedPassword), \(bind: mailbox.folder),
                        \(bind: mailbox.uidValidity.map(Int64.init)), \(bind: mailbox.lastUID.map(Int64.init)),
                        \(bind: mailbox.lastSyncAt.map(Milliseconds.from)), \(bind: mailbox.lastError), \(bind: mailbox.messagesRead),
                        \(bind: Milliseconds.from(mailbox.createdAt)))
                """).run()
        }
    }

    public func mailbox(id: String, owner: String) async throws -> ConnectedMailbox? {
        try await store.read { database in
            try await database.raw("SELECT * FROM mailboxes WHERE id = \(bind: id) AND user_id = \(bind: owner)").first().map(Self.mailbox)
        }
    }

    public func mailboxes(owner: String) async throws -> [ConnectedMailbox] {
        try await store.read { database in
            try await database.raw("SELECT * FROM mailboxes WHERE user_id = \(bind: owner) ORDER BY created_at, id").all().map(Self.mailbox)
        }
    }

    public func allMailboxes() async throws -> [ConnectedMailbox] {
        try await store.read { database in
            try await database.raw("SELECT * FROM mailboxes ORDER BY created_at, id").all().map(Self.mailbox)
        }
    }

    public func delete(id: String, owner: String) async throws -> Bool {
        try await store.write { database in
            try await database.raw("DELETE FROM mailboxes WHERE id = \(bind: id) AND user_id = \(bind: owner) RETURNING id").first() != nil
        }
    }

    public func recordSync(id: String, uidValidity: UInt32?, lastUID: UInt32?, at: Date, error: String?, messagesRead: Int) async throws {
        try await store.write { database in
            try await database.raw("""
                UPDATE mailboxes SET uid_validity = \(bind: uidValidity.map(Int64.init)), last_uid = \(bind: lastUID.map(Int64.init)),
                    last_sync_at = \(bind: Milliseconds.from(at)), last_error = \(bind: error), messages_read = \(bind: messagesRead)
                WHERE id = \(bind: id)
                """).run()
        }
    }

    private static func mailbox(_ row: any SQLRow) throws -> ConnectedMailbox {
        ConnectedMailbox(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            host: try row.decode(column: "host", as: String.self), port: Int(try row.decode(column: "port", as: Int64.self)),
            security: ConnectedMailbox.Security(rawValue: try row.decode(column: "security", as: String.self)) ?? .tls,
            username: try row.decode(column: "username", as: String.self),
            sealedPassword: try row.decode(column: "sealed_password", as: String.self), folder: try row.decode(column: "folder", as: String.self),
            uidValidity: try row.decode(column: "uid_validity", as: Int64?.self).map { UInt32(truncatingIfNeeded: $0) },
            lastUID: try row.decode(column: "last_uid", as: Int64?.self).map { UInt32(truncatingIfNeeded: $0) },
            lastSyncAt: try row.decode(column: "last_sync_at", as: Int64?.self).map(Milliseconds.date),
            lastError: try row.decode(column: "last_error", as: String?.self),
            messagesRead: Int(try row.decode(column: "messages_read", as: Int64.self)),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self))
        )
    }
}

import Foundation
import SkillsGraph
import SQLKit

/// The in-app inbox and mail preferences over SQLKit; a notification's key makes it land once.
public struct SQLNotificationRepository: NotificationRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ notification: SkillsNotification, key: String) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO skill_notifications (id, user_id, kind, title, body, link, dedupe_key, created_at, read_at, mailed_at)
                VALUES (\(bind: notification.id), \(bind: notification.userID), \(bind: notification.kind.rawValue), \(bind: notification.title),
                        \(bind: notification.body), \(bind: notification.link), \(bind: key), \(bind: Milliseconds.from(notification.createdAt)), NULL, NULL)
                ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
                """).first() != nil
        }
    }

    public func notifications(userID: String, unreadOnly: Bool, limit: Int) async throws -> [SkillsNotification] {
        try await store.read { database in
            let filter: SQLQueryString = unreadOnly ? "AND read_at IS NULL" : ""
            return try await database.raw("""
                SELECT * FROM skill_notifications WHERE user_id = \(bind: userID) \(filter) ORDER BY created_at DESC, id LIMIT \(bind: limit)
                """).all().map(Self.notification)
        }
    }

    public func unreadCount(userID: String) async throws -> Int {
        try await store.read { database in
            try await database.raw("SELECT COUNT(*) AS unread FROM skill_notifications WHERE user_id = \(bind: userID) AND read_at IS NULL")
                .first()?.decode(column: "unread", as: Int.self) ?? 0
        }
    }

    public func markRead(userID: String, ids: [String]?, at time: Date) async throws -> Int {
        try await store.transaction { database in
            let filter: SQLQueryString = ids.map { $0.isEmpty ? "AND 1 = 0" : "AND id IN (\(binds: $0))" } ?? ""
            return try await database.raw("""
                UPDATE skill_notifications SET read_at = \(bind: Milliseconds.from(time))
                WHERE user_id = \(bind: userID) AND read_at IS NULL \(filter) RETURNING id
                """).all().count
        }
    }

    public func mailPreference(userID: String) async throws -> NotificationMail {
        try await store.read { database in
            try await database.raw("SELECT mail FROM notification_settings WHERE user_id = \(bind: userID)").first()
                .flatMap { NotificationMail(rawValue: try $0.decode(column: "mail", as: String.self)) } ?? .immediate
        }
    }

    public func setMailPreference(userID: String, _ preference: NotificationMail) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO notification_settings (user_id, mail) VALUES (\(bind: userID), \(bind: preference.rawValue))
                ON CONFLICT (user_id) DO UPDATE SET mail = excluded.mail
                """).run()
        }
    }

    public func unmailedDigests(before time: Date) async throws -> [String: [SkillsNotification]] {
        try await store.read { database in
            let rows = try await database.raw("""
                SELECT n.* FROM skill_notifications n JOIN notification_settings s ON s.user_id = n.user_id
                WHERE s.mail = 'daily' AND n.mailed_at IS NULL AND n.created_at <= \(bind: Milliseconds.from(time))
                ORDER BY n.user_id, n.created_at, n.id
                """).all().map(Self.notification)
            return Dictionary(grouping: rows, by: \.userID)
        }
    }

    public func markMailed(ids: [String], at time: Date) async throws {
        guard !ids.isEmpty else { return }
        try await store.transaction { database in
            for chunk in ids.chunked(by: 500) {
                try await database.raw("UPDATE skill_notifications SET mailed_at = \(bind: Milliseconds.from(time)) WHERE id IN (\(binds: Array(chunk)))").run()
            }
        }
    }

    private static func notification(_ row: any SQLRow) throws -> SkillsNotification {
        SkillsNotification(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            kind: SkillsNotification.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .match,
            title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
            link: try row.decode(column: "link", as: String?.self),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            readAt: try row.decode(column: "read_at", as: Int64?.self).map(Milliseconds.date),
            mailedAt: try row.decode(column: "mailed_at", as: Int64?.self).map(Milliseconds.date))
    }
}

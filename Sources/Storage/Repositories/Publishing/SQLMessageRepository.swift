import Domain
import Foundation
import Platform
import Publishing
import SQLKit

/// Messages and deliveries over SQLKit. Every change of a delivery names the state it expects, and the
/// tasks and events a change causes are written in its transaction.
public struct SQLMessageRepository: MessageRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ published: PublishedMessage, tasks: [NewTask]) async throws {
        try await store.transaction { database in
            try await Self.insertMessage(published.message, on: database)
            for (position, delivery) in published.deliveries.enumerated() { try await Self.insert(delivery, position: position, on: database) }
            for task in tasks { _ = try await SQLTaskQueue.enqueue(task, now: published.message.createdAt, on: database) }
        }
    }

    public func message(id: String, owner: String) async throws -> PublishedMessage? {
        try await store.read { database in
            guard let row = try await database.raw("SELECT * FROM publishing_messages WHERE id = \(bind: id) AND owner_id = \(bind: owner)").first()
            else { return nil }
            let deliveries = try await database.raw("SELECT * FROM publishing_deliveries WHERE message_id = \(bind: id) ORDER BY position")
                .all().map(Self.delivery)
            return PublishedMessage(message: try Self.message(row), deliveries: deliveries)
        }
    }

    public func messages(owner: String, filter: MessageFilter) async throws -> [PublishedMessage] {
        try await store.read { database in
            var conditions: [SQLQueryString] = ["owner_id = \(bind: owner)"]
            if let from = filter.dueFrom { conditions.append("due_at >= \(bind: Milliseconds.from(from))") }
            if let before = filter.dueBefore { conditions.append("due_at < \(bind: Milliseconds.from(before))") }
            if let status = filter.status {
                conditions.append("EXISTS (SELECT 1 FROM publishing_deliveries d WHERE d.message_id = publishing_messages.id AND d.status = \(bind: status.rawValue))")
            }
            if let channel = filter.channelID {
                conditions.append("EXISTS (SELECT 1 FROM publishing_deliveries d WHERE d.message_id = publishing_messages.id AND d.channel_id = \(bind: channel))")
            }
            if let after = filter.after {
                let due = Milliseconds.from(after.dueAt)
                conditions.append("(due_at < \(bind: due) OR (due_at = \(bind: due) AND id < \(bind: after.id)))")
            }
            let messages = try await database.raw("""
                SELECT * FROM publishing_messages WHERE \(conditions.joined(separator: " AND "))
                ORDER BY due_at DESC, id DESC LIMIT \(bind: filter.limit)
                """).all().map(Self.message)
            guard !messages.isEmpty else { return [] }
            let deliveries = try await database.raw("""
                SELECT * FROM publishing_deliveries WHERE message_id IN (\(binds: messages.map(\.id))) ORDER BY message_id, position
                """).all().map(Self.delivery)
            let byMessage = Dictionary(grouping: deliveries, by: \.messageID)
            return messages.map { PublishedMessage(message: $0, deliveries: byMessage[$0.id] ?? []) }
        }
    }

    public func replace(_ published: PublishedMessage) async throws -> UnsentChange {
        let message = published.message
        return try await unsent(id: message.id, owner: message.ownerID) { database in
            try await database.raw("""
                UPDATE publishing_messages SET title = \(bind: message.title), body = \(bind: message.body), link = \(bind: message.link),
                    media_ids = \(bind: try StoredJSON.encode(message.mediaIDs)), scheduled_at = \(bind: message.scheduledAt.map(Milliseconds.from)),
                    due_at = \(bind: Milliseconds.from(message.dueAt)), updated_at = \(bind: Milliseconds.from(message.updatedAt))
                WHERE id = \(bind: message.id)
                """).run()
            for (position, delivery) in published.deliveries.enumerated() { try await Self.insert(delivery, position: position, on: database) }
        }
    }

    public func delete(id: String, owner: String) async throws -> UnsentChange {
        try await unsent(id: id, owner: owner) { database in
            try await database.raw("DELETE FROM publishing_messages WHERE id = \(bind: id)").run()
        }
    }

    /// Removes an unsent message's deliveries, then runs `change`, in one transaction. A delivery a scheduler
    /// has moved on is not deleted, which rolls the whole change back as `.sent`.
    private func unsent(id: String, owner: String, _ change: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> UnsentChange {
        do {
            return try await store.transaction { database in
                guard try await database.raw("SELECT id FROM publishing_messages WHERE id = \(bind: id) AND owner_id = \(bind: owner)").first() != nil
                else { return .notFound }
                let total = try await database.raw("SELECT COUNT(*) AS count FROM publishing_deliveries WHERE message_id = \(bind: id)")
                    .first()?.decode(column: "count", as: Int.self) ?? 0
                let removed = try await database.raw("""
                    DELETE FROM publishing_deliveries WHERE message_id = \(bind: id) AND status = 'scheduled' RETURNING id
                    """).all().count
                guard removed == total else { throw AlreadySent() }
                try await change(database)
                return .done
            }
        } catch is AlreadySent {
            return .sent
        }
    }

    private struct AlreadySent: Error {}

    public func enqueueDue(now: Date, limit: Int, task: @escaping @Sendable (Delivery) throws -> NewTask) async throws -> [Delivery] {
        let lock = store.dialect.claimLock, nowMS = Milliseconds.from(now)
        return try await store.transaction { database in
            let moved = try await database.raw("""
                UPDATE publishing_deliveries SET status = 'queued', updated_at = \(bind: nowMS)
                WHERE status = 'scheduled' AND id IN (
                    SELECT id FROM publishing_deliveries WHERE status = 'scheduled' AND due_at <= \(bind: nowMS)
                    ORDER BY due_at, id LIMIT \(bind: limit) \(unsafeRaw: lock))
                RETURNING *
                """).all().map(Self.delivery)
            for delivery in moved { _ = try await SQLTaskQueue.enqueue(try task(delivery), now: now, on: database) }
            return moved
        }
    }

    public func delivery(id: String) async throws -> Delivery? {
        try await store.read { database in
            try await database.raw("SELECT * FROM publishing_deliveries WHERE id = \(bind: id)").first().map(Self.delivery)
        }
    }

    public func transition(_ delivery: Delivery, expected: Delivery, task: NewTask?, events: [DomainEvent]) async throws -> Bool {
        try await store.transaction { database in
            guard try await database.raw("""
                UPDATE publishing_deliveries SET status = \(bind: delivery.status.rawValue), attempts = \(bind: delivery.attempts),
                    round_attempts = \(bind: delivery.roundAttempts), next_attempt_at = \(bind: delivery.nextAttemptAt.map(Milliseconds.from)),
                    last_attempt_at = \(bind: delivery.lastAttemptAt.map(Milliseconds.from)), external_id = \(bind: delivery.externalID),
                    external_url = \(bind: delivery.externalURL), error = \(bind: delivery.error), retryable = \(bind: delivery.retryable.map { $0 ? 1 : 0 }),
                    delivered_at = \(bind: delivery.deliveredAt.map(Milliseconds.from)), updated_at = \(bind: Milliseconds.from(delivery.updatedAt))
                WHERE id = \(bind: delivery.id) AND status = \(bind: expected.status.rawValue) AND attempts = \(bind: expected.attempts)
                RETURNING id
                """).first() != nil else { return false }
            if let task { _ = try await SQLTaskQueue.enqueue(task, now: delivery.updatedAt, on: database) }
            if !events.isEmpty { try await SQLEventOutbox.append(events, on: database) }
            return true
        }
    }

    public func retry(owner: String, messageID: String?, filter: MessageFilter, now: Date,
                      task: @escaping @Sendable (Delivery) throws -> NewTask) async throws -> [Delivery] {
        let candidates = try await store.read { database in
            var conditions: [SQLQueryString] = ["owner_id = \(bind: owner)", "status IN ('failed', 'dead')"]
            if let messageID { conditions.append("message_id = \(bind: messageID)") } else {
                // A bulk retry leaves out channels whose token expired: they would fail again until reconnected.
                conditions.append("retryable = 1")
                conditions.append("channel_id NOT IN (SELECT id FROM publishing_channels WHERE status = 'expired')")
            }
            if let status = filter.status { conditions.append("status = \(bind: status.rawValue)") }
            if let channel = filter.channelID { conditions.append("channel_id = \(bind: channel)") }
            if let from = filter.dueFrom { conditions.append("due_at >= \(bind: Milliseconds.from(from))") }
            if let before = filter.dueBefore { conditions.append("due_at < \(bind: Milliseconds.from(before))") }
            return try await database.raw("""
                SELECT * FROM publishing_deliveries WHERE \(conditions.joined(separator: " AND ")) ORDER BY due_at, id LIMIT 1000
                """).all().map(Self.delivery)
        }
        var queued: [Delivery] = []
        for candidate in candidates {
            var retried = candidate
            retried.status = .queued
            retried.roundAttempts = 0
            retried.nextAttemptAt = now
            retried.retryable = nil
            retried.updatedAt = now
            if try await transition(retried, expected: candidate, task: try task(retried), events: []) { queued.append(retried) }
        }
        return queued
    }

    private static func insertMessage(_ message: Message, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO publishing_messages (id, owner_id, title, body, link, media_ids, scheduled_at, due_at, source, created_at, updated_at)
            VALUES (\(bind: message.id), \(bind: message.ownerID), \(bind: message.title), \(bind: message.body), \(bind: message.link),
                    \(bind: try StoredJSON.encode(message.mediaIDs)), \(bind: message.scheduledAt.map(Milliseconds.from)),
                    \(bind: Milliseconds.from(message.dueAt)), \(bind: message.source), \(bind: Milliseconds.from(message.createdAt)),
                    \(bind: Milliseconds.from(message.updatedAt)))
            """).run()
    }

    private static func insert(_ delivery: Delivery, position: Int, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO publishing_deliveries (id, message_id, owner_id, channel_id, channel_kind, position, text, overridden, status, attempts,
                round_attempts, due_at, next_attempt_at, last_attempt_at, external_id, external_url, error, retryable, delivered_at, updated_at)
            VALUES (\(bind: delivery.id), \(bind: delivery.messageID), \(bind: delivery.ownerID), \(bind: delivery.channelID),
                    \(bind: delivery.channelKind.rawValue), \(bind: position), \(bind: delivery.text), \(bind: delivery.overridden ? 1 : 0),
                    \(bind: delivery.status.rawValue), \(bind: delivery.attempts), \(bind: delivery.roundAttempts), \(bind: Milliseconds.from(delivery.dueAt)),
                    \(bind: delivery.nextAttemptAt.map(Milliseconds.from)), \(bind: delivery.lastAttemptAt.map(Milliseconds.from)),
                    \(bind: delivery.externalID), \(bind: delivery.externalURL), \(bind: delivery.error), \(bind: delivery.retryable.map { $0 ? 1 : 0 }),
                    \(bind: delivery.deliveredAt.map(Milliseconds.from)), \(bind: Milliseconds.from(delivery.updatedAt)))
            """).run()
    }

    private static func message(_ row: any SQLRow) throws -> Message {
        Message(
            id: try row.decode(column: "id", as: String.self), ownerID: try row.decode(column: "owner_id", as: String.self),
            title: try row.decode(column: "title", as: String?.self), body: try row.decode(column: "body", as: String.self),
            link: try row.decode(column: "link", as: String?.self),
            mediaIDs: try StoredJSON.decode([String].self, try row.decode(column: "media_ids", as: String.self)),
            scheduledAt: try row.decode(column: "scheduled_at", as: Int64?.self).map(Milliseconds.date),
            source: try row.decode(column: "source", as: String?.self),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    static func delivery(_ row: any SQLRow) throws -> Delivery {
        Delivery(
            id: try row.decode(column: "id", as: String.self), messageID: try row.decode(column: "message_id", as: String.self),
            ownerID: try row.decode(column: "owner_id", as: String.self), channelID: try row.decode(column: "channel_id", as: String.self),
            channelKind: ChannelKind(rawValue: try row.decode(column: "channel_kind", as: String.self)) ?? .webhook,
            text: try row.decode(column: "text", as: String.self), overridden: try row.decode(column: "overridden", as: Int.self) != 0,
            status: DeliveryStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            attempts: try row.decode(column: "attempts", as: Int.self), roundAttempts: try row.decode(column: "round_attempts", as: Int.self),
            dueAt: Milliseconds.date(try row.decode(column: "due_at", as: Int64.self)),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Int64?.self).map(Milliseconds.date),
            lastAttemptAt: try row.decode(column: "last_attempt_at", as: Int64?.self).map(Milliseconds.date),
            externalID: try row.decode(column: "external_id", as: String?.self), externalURL: try row.decode(column: "external_url", as: String?.self),
            error: try row.decode(column: "error", as: String?.self), retryable: try row.decode(column: "retryable", as: Int?.self).map { $0 != 0 },
            deliveredAt: try row.decode(column: "delivered_at", as: Int64?.self).map(Milliseconds.date),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}

import Foundation
import Platform
import SQLKit

/// The transactional outbox in `outbox_events`. Repositories append events with `append(_:on:)`
/// inside the transaction of the change they report; the relay turns them into delivery tasks.
public struct SQLEventOutbox: EventOutbox {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func append(_ events: [DomainEvent]) async throws {
        guard !events.isEmpty else { return }
        try await store.transaction { database in try await Self.append(events, on: database) }
    }

    /// Appends inside a transaction the caller holds.
    static func append(_ events: [DomainEvent], on database: any SQLDatabase) async throws {
        guard !events.isEmpty else { return }
        var insert = database.insert(into: "outbox_events").columns("topic", "payload", "occurred_at")
        for event in events {
            insert = insert.values(event.topic, String(decoding: event.payload, as: UTF8.self), Milliseconds.from(event.occurredAt))
        }
        try await insert.run()
    }

    public func relay(limit: Int, subscribers: [String: [String]], now: Date) async throws -> Int {
        let lock = store.dialect.claimLock
        return try await store.transaction { database in
            let rows = try await database.raw("""
                SELECT id, topic, payload, occurred_at FROM outbox_events WHERE dispatched_at IS NULL
                ORDER BY id LIMIT \(bind: limit) \(unsafeRaw: lock)
                """).all()
            guard !rows.isEmpty else { return 0 }
            var ids: [Int64] = []
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let topic = try row.decode(column: "topic", as: String.self)
                ids.append(id)
                for subscriber in subscribers[topic] ?? [] {
                    let delivery = EventDelivery(
                        eventID: id, topic: topic, subscriber: subscriber, payload: try row.decode(column: "payload", as: String.self),
                        occurredAt: Milliseconds.date(try row.decode(column: "occurred_at", as: Int64.self))
                    )
                    let task = try NewTask(name: EventDelivery.taskName, json: delivery, idempotencyKey: "event:\(id):\(subscriber)")
                    _ = try await SQLTaskQueue.enqueue(task, now: now, on: database)
                }
            }
            try await database.raw("""
                UPDATE outbox_events SET dispatched_at = \(bind: Milliseconds.from(now)) WHERE id IN (\(binds: ids))
                """).run()
            return ids.count
        }
    }

    public func recent(limit: Int) async throws -> [StoredEvent] {
        try await store.read { database in
            try await database.raw("SELECT * FROM outbox_events ORDER BY id DESC LIMIT \(bind: limit)").all().map { row in
                StoredEvent(
                    id: try row.decode(column: "id", as: Int64.self),
                    event: DomainEvent(
                        topic: try row.decode(column: "topic", as: String.self),
                        payload: Data(try row.decode(column: "payload", as: String.self).utf8),
                        occurredAt: Milliseconds.date(try row.decode(column: "occurred_at", as: Int64.self))
                    ),
                    dispatchedAt: try row.decode(column: "dispatched_at", as: Int64?.self).map(Milliseconds.date)
                )
            }
        }
    }
}

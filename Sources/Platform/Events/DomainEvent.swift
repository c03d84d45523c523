import Foundation

/// Something that happened, written to the outbox in the same transaction as the change it reports
/// and delivered afterwards, at least once, to every subscriber of its topic.
public struct DomainEvent: Sendable, Equatable {
    /// `job_sync.completed`, `job.posted`, …
    public var topic: String
    /// A JSON object.
    public var payload: Data
    public var occurredAt: Date

    public init(topic: String, payload: Data, occurredAt: Date) {
        self.topic = topic
        self.payload = payload
        self.occurredAt = occurredAt
    }

    public init(topic: String, json: some Encodable, occurredAt: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        self.init(topic: topic, payload: try encoder.encode(json), occurredAt: occurredAt)
    }
}

/// An event as the outbox holds it.
public struct StoredEvent: Sendable, Equatable {
    public var id: Int64
    public var event: DomainEvent
    public var dispatchedAt: Date?

    public init(id: Int64, event: DomainEvent, dispatchedAt: Date?) {
        self.id = id
        self.event = event
        self.dispatchedAt = dispatchedAt
    }
}

/// The outbox's reading side: events are appended by the repositories whose changes they report.
public protocol EventOutbox: Sendable {
    /// Appends events on their own (for changes that have no transaction of their own to share).
    func append(_ events: [DomainEvent]) async throws
    /// Takes up to `limit` undispatched events and, in one transaction, enqueues one delivery task per
    /// subscriber of each event's topic and marks the events dispatched. Returns the events relayed.
    func relay(limit: Int, subscribers: [String: [String]], now: Date) async throws -> Int
    func recent(limit: Int) async throws -> [StoredEvent]
}

/// What a delivery task carries: the event and the subscriber it is for.
public struct EventDelivery: Codable, Sendable, Equatable {
    public var eventID: Int64
    public var topic: String
    public var subscriber: String
    public var payload: String
    public var occurredAt: Date

    public init(eventID: Int64, topic: String, subscriber: String, payload: String, occurredAt: Date) {
        self.eventID = eventID
        self.topic = topic
        self.subscriber = subscriber
        self.payload = payload
        self.occurredAt = occurredAt
    }

    /// The task that delivers events to subscribers.
    public static let taskName = "deliver_event"

    private enum CodingKeys: String, CodingKey {
        case eventID = "event_id", topic, subscriber, payload, occurredAt = "occurred_at"
    }
}

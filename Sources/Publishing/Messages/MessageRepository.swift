import Domain
import Foundation
import Platform

/// Where messages and their deliveries live, and the state changes the delivery pipeline makes.
/// Every change of a delivery is conditional on the state its writer read, so two workers (or a worker
/// and a person pressing retry) can never both move it.
public protocol MessageRepository: Sendable {
    /// Saves a message and its deliveries, enqueueing `tasks` in the same transaction (for deliveries due at once).
    func insert(_ message: PublishedMessage, tasks: [NewTask]) async throws
    func message(id: String, owner: String) async throws -> PublishedMessage?
    func messages(owner: String, filter: MessageFilter) async throws -> [PublishedMessage]
    /// Replaces an unsent message and its deliveries. `.sent` when a delivery has started meanwhile.
    func replace(_ message: PublishedMessage) async throws -> UnsentChange
    func delete(id: String, owner: String) async throws -> UnsentChange

    /// Moves up to `limit` scheduled deliveries due by `now` to `queued` and enqueues `task(delivery)` for
    /// each, in one transaction; a delivery moved by another process is not moved again. (The scheduler
    /// passes a `now` a beat ahead, with tasks that become visible at each delivery's due time.)
    func enqueueDue(now: Date, limit: Int, task: @escaping @Sendable (Delivery) throws -> NewTask) async throws -> [Delivery]
    func delivery(id: String) async throws -> Delivery?
    /// Replaces `delivery` if it is still as `expected` (status and attempts); enqueues `task` and appends
    /// `events` in the same transaction. False, changing nothing, when someone else moved it first.
    func transition(_ delivery: Delivery, expected: Delivery, task: NewTask?, events: [DomainEvent]) async throws -> Bool
    /// Gives failed and dead deliveries of this owner (optionally of one message, or matching `filter`)
    /// a fresh retry budget and queues them. Returns the deliveries queued.
    func retry(owner: String, messageID: String?, filter: MessageFilter, now: Date,
               task: @escaping @Sendable (Delivery) throws -> NewTask) async throws -> [Delivery]
}

public enum UnsentChange: Sendable, Equatable {
    case done
    case notFound
    /// At least one delivery has started: the message can no longer change.
    case sent
}

/// Which messages to list: by a delivery's status, a channel, and a window of due times.
public struct MessageFilter: Sendable, Equatable {
    public var status: DeliveryStatus?
    public var channelID: String?
    public var dueFrom: Date?
    public var dueBefore: Date?
    public var limit: Int
    /// Messages due before this one (by due time, then id) — the previous page's last.
    public var after: MessageCursor?

    public init(status: DeliveryStatus? = nil, channelID: String? = nil, dueFrom: Date? = nil, dueBefore: Date? = nil, limit: Int = 20,
                after: MessageCursor? = nil) {
        self.status = status
        self.channelID = channelID
        self.dueFrom = dueFrom
        self.dueBefore = dueBefore
        self.limit = limit
        self.after = after
    }
}

/// A position in a list of messages, newest due first.
public struct MessageCursor: Sendable, Equatable {
    public var dueAt: Date
    public var id: String

    public init(dueAt: Date, id: String) {
        self.dueAt = dueAt
        self.id = id
    }

    public var token: String { Data("\(Int64((dueAt.timeIntervalSince1970 * 1000).rounded()))|\(id)".utf8).base64EncodedString() }

    public init?(token: String) {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let milliseconds = Int64(parts[0]) else { return nil }
        self.init(dueAt: Date(timeIntervalSince1970: Double(milliseconds) / 1000), id: String(parts[1]))
    }
}

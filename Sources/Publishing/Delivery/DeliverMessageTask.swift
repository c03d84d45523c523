import Foundation
import Platform

/// The task that makes one attempt at one delivery.
public enum DeliverMessageTask {
    public static let name = "deliver_message"

    struct Payload: Codable {
        var delivery_id: String
    }

    /// One task per attempt: the key names the delivery, the attempts made before it and the time it is
    /// for, so whoever asks twice for the same run (two schedulers, a double-clicked retry) enqueues once.
    public static func newTask(_ delivery: Delivery, runAt: Date? = nil) throws -> NewTask {
        let time = runAt.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? "due"
        return try NewTask(name: name, json: Payload(delivery_id: delivery.id), idempotencyKey: "deliver:\(delivery.id):\(delivery.attempts):\(time)",
                           runAt: runAt)
    }

    public static func deliveryID(of task: ClaimedTask) throws -> String {
        try task.decode(Payload.self).delivery_id
    }
}

/// What the outbox carries about a delivery that ended.
public struct DeliveryEvent: Codable, Sendable, Equatable {
    public static let delivered = "message.delivered"
    public static let failed = "message.failed"

    public var message_id: String
    public var delivery_id: String
    public var owner_id: String
    public var channel_id: String
    public var channel_kind: String
    public var status: String
    public var external_id: String?
    public var external_url: String?
    public var error: String?

    init(_ delivery: Delivery) {
        message_id = delivery.messageID
        delivery_id = delivery.id
        owner_id = delivery.ownerID
        channel_id = delivery.channelID
        channel_kind = delivery.channelKind.rawValue
        status = delivery.status.rawValue
        external_id = delivery.externalID
        external_url = delivery.externalURL
        error = delivery.error
    }
}

import Foundation

/// One channel's copy of a message and what became of it.
public struct Delivery: Sendable, Equatable {
    public var id: String
    public var messageID: String
    public var ownerID: String
    public var channelID: String
    public var channelKind: ChannelKind
    /// The version that goes out: adapted by the rules, or the person's own.
    public var text: String
    public var overridden: Bool
    public var status: DeliveryStatus
    /// Attempts made in all, and since the last retry by hand (the budget counts these).
    public var attempts: Int
    public var roundAttempts: Int
    public var dueAt: Date
    /// When a queued delivery's next attempt is due.
    public var nextAttemptAt: Date?
    public var lastAttemptAt: Date?
    /// The network's id and address for the post, once delivered.
    public var externalID: String?
    public var externalURL: String?
    /// The network's words when it did not take the post.
    public var error: String?
    /// For a failed delivery: whether trying again can help.
    public var retryable: Bool?
    public var deliveredAt: Date?
    public var updatedAt: Date

    public init(id: String, messageID: String, ownerID: String, channelID: String, channelKind: ChannelKind, text: String, overridden: Bool,
                status: DeliveryStatus, attempts: Int = 0, roundAttempts: Int = 0, dueAt: Date, nextAttemptAt: Date? = nil,
                lastAttemptAt: Date? = nil, externalID: String? = nil, externalURL: String? = nil, error: String? = nil,
                retryable: Bool? = nil, deliveredAt: Date? = nil, updatedAt: Date) {
        self.id = id
        self.messageID = messageID
        self.ownerID = ownerID
        self.channelID = channelID
        self.channelKind = channelKind
        self.text = text
        self.overridden = overridden
        self.status = status
        self.attempts = attempts
        self.roundAttempts = roundAttempts
        self.dueAt = dueAt
        self.nextAttemptAt = nextAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.externalID = externalID
        self.externalURL = externalURL
        self.error = error
        self.retryable = retryable
        self.deliveredAt = deliveredAt
        self.updatedAt = updatedAt
    }

    /// The key every attempt of this delivery carries, so networks that keep keys never post it twice.
    public var idempotencyKey: String { "wayfinder-delivery-\(id)" }
}

/// Where a delivery stands. Only `delivered` says the network took it, and only on the network's answer.
public enum DeliveryStatus: String, Sendable, Codable, CaseIterable {
    /// Waits for the message's time.
    case scheduled
    /// Due, waiting for a worker (or for its next attempt after a failure worth retrying).
    case queued
    /// An attempt is under way. Found in this state by a later attempt, its outcome is unknown and is
    /// reconciled before anything is sent again.
    case sending
    case delivered
    /// The network refused it, or its outcome cannot be known; `retryable` says whether retrying can help.
    case failed
    /// Failed on every attempt of the retry budget.
    case dead

    /// Still on its way.
    public var isPending: Bool { self == .scheduled || self == .queued || self == .sending }
    /// Ended without arriving.
    public var isFailure: Bool { self == .failed || self == .dead }
}

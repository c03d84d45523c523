import Foundation

/// What a person composed once, to go to several channels.
public struct Message: Sendable, Equatable {
    public var id: String
    public var ownerID: String
    public var title: String?
    public var body: String
    public var link: String?
    /// Uploaded media, in order.
    public var mediaIDs: [String]
    /// When it goes out; nil means as soon as it is created.
    public var scheduledAt: Date?
    /// What the message announces, when it came from somewhere (`certification:<id>`).
    public var source: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, ownerID: String, title: String?, body: String, link: String?, mediaIDs: [String], scheduledAt: Date?,
                source: String? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.title = title
        self.body = body
        self.link = link
        self.mediaIDs = mediaIDs
        self.scheduledAt = scheduledAt
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// When its deliveries are due.
    public var dueAt: Date { scheduledAt ?? createdAt }
    public var content: MessageContent { MessageContent(title: title, body: body, link: link) }
}

/// A message with its deliveries, one per channel.
public struct PublishedMessage: Sendable, Equatable {
    public var message: Message
    public var deliveries: [Delivery]

    public init(message: Message, deliveries: [Delivery]) {
        self.message = message
        self.deliveries = deliveries
    }

    /// One word for the whole message, from its deliveries.
    public var status: MessageStatus { MessageStatus(deliveries.map(\.status)) }
    /// Whether it can still be edited or deleted: nothing has started going out.
    public var isUnsent: Bool { deliveries.allSatisfy { $0.status == .scheduled } }
}

public enum MessageStatus: String, Sendable, Codable, CaseIterable {
    /// Every delivery waits for its time.
    case scheduled
    /// Some deliveries are on their way.
    case sending
    /// Every delivery arrived.
    case delivered
    /// Some arrived and some failed for good.
    case partiallyDelivered = "partially_delivered"
    /// None arrived and none is on its way.
    case failed

    init(_ statuses: [DeliveryStatus]) {
        if statuses.allSatisfy({ $0 == .scheduled }) { self = .scheduled; return }
        if statuses.contains(where: \.isPending) { self = .sending; return }
        let delivered = statuses.filter { $0 == .delivered }.count
        self = delivered == statuses.count ? .delivered : delivered == 0 ? .failed : .partiallyDelivered
    }
}

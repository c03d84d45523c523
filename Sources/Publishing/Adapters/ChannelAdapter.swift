import Foundation

/// One network's publishing API behind the same three questions: send this, did an earlier attempt
/// arrive, do the credentials work.
public protocol ChannelAdapter: Sendable {
    var kind: ChannelKind { get }
    /// Sends one version. Returns only on the network's success answer; every other outcome throws a `ChannelFailure`.
    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt
    /// After an attempt whose outcome is unknown: did it arrive? Networks that drop repeated idempotency
    /// keys answer `.notDelivered` (sending again is safe); networks with a listing look for the post;
    /// the rest cannot tell.
    func reconcile(_ post: ChannelPost, on channel: Channel, attemptedAt: Date) async throws(ChannelFailure) -> Reconciliation
    /// Checks the connection, without posting where the network allows. Returns what the network said.
    func test(_ channel: Channel) async throws(ChannelFailure) -> String
    /// New credentials from a refresh token; nil when the channel cannot be refreshed.
    func refresh(_ channel: Channel) async throws(ChannelFailure) -> ChannelSecrets?
}

extension ChannelAdapter {
    public func refresh(_ channel: Channel) async throws(ChannelFailure) -> ChannelSecrets? { nil }

    public func reconcile(_ post: ChannelPost, on channel: Channel, attemptedAt: Date) async throws(ChannelFailure) -> Reconciliation {
        kind.honoursIdempotencyKeys ? .notDelivered
            : .unknown("\(kind.rawValue) offers no way to tell whether the earlier attempt arrived")
    }
}

/// What one delivery sends.
public struct ChannelPost: Sendable, Equatable {
    public var deliveryID: String
    public var messageID: String
    /// The same for every attempt of one delivery, so a network that honours it never posts twice.
    public var idempotencyKey: String
    public var title: String?
    /// The channel's version, as adapted or as the person wrote it.
    public var text: String
    public var link: String?
    public var media: [PostMedia]

    public init(deliveryID: String, messageID: String, idempotencyKey: String, title: String?, text: String, link: String?,
                media: [PostMedia] = []) {
        self.deliveryID = deliveryID
        self.messageID = messageID
        self.idempotencyKey = idempotencyKey
        self.title = title
        self.text = text
        self.link = link
        self.media = media
    }
}

/// An uploaded image or video, with the public address networks that fetch media themselves use.
public struct PostMedia: Sendable, Equatable {
    public var id: String
    public var contentType: String
    public var filename: String
    public var publicURL: String
    public var load: @Sendable () async throws -> Data

    public init(id: String, contentType: String, filename: String, publicURL: String, load: @escaping @Sendable () async throws -> Data) {
        self.id = id
        self.contentType = contentType
        self.filename = filename
        self.publicURL = publicURL
        self.load = load
    }

    public static func == (left: PostMedia, right: PostMedia) -> Bool {
        left.id == right.id && left.contentType == right.contentType && left.publicURL == right.publicURL
    }
}

/// The network's success answer.
public struct DeliveryReceipt: Sendable, Equatable {
    /// The network's id for the post (nil only where the network answers success without one: Slack).
    public var externalID: String?
    public var url: String?

    public init(externalID: String?, url: String? = nil) {
        self.externalID = externalID
        self.url = url
    }
}

public enum Reconciliation: Sendable, Equatable {
    /// The earlier attempt arrived: this is its receipt.
    case delivered(DeliveryReceipt)
    /// It did not arrive, or sending again cannot post twice.
    case notDelivered
    /// Nobody can tell: sending again could post twice.
    case unknown(String)
}

/// Why a network did not take a post, in its own words.
public enum ChannelFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The network refused the post itself (too long, invalid recipient, webhook gone): retrying will not help.
    case rejected(String)
    /// The token is invalid or expired.
    case unauthorized(String)
    /// Too many requests; try again after `retryAfter` when the network said.
    case throttled(String, retryAfter: Duration?)
    /// The network failed or could not be reached; trying again later may work.
    case unavailable(String)
    /// The request may have arrived but no answer came: the outcome is unknown.
    case noAnswer(String)

    public var description: String {
        switch self {
        case .rejected(let message), .unauthorized(let message), .unavailable(let message), .noAnswer(let message): message
        case .throttled(let message, let retryAfter): retryAfter.map { "\(message) (retry after \($0.components.seconds) s)" } ?? message
        }
    }

    /// Whether trying again later can help.
    public var isRetryable: Bool {
        switch self {
        case .rejected, .unauthorized: false
        case .throttled, .unavailable, .noAnswer: true
        }
    }
}

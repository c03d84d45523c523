/// The networks a message can go to. Each kind has one adapter and one style of text.
public enum ChannelKind: String, Sendable, Codable, CaseIterable {
    case email, webhook, slack, discord, mastodon, linkedin, facebook, instagram, sms

    /// Whether the network itself drops a second request carrying the same idempotency key, so that
    /// an attempt whose outcome is unknown can be sent again safely.
    public var honoursIdempotencyKeys: Bool {
        switch self {
        case .webhook, .mastodon: true
        case .email, .slack, .discord, .linkedin, .facebook, .instagram, .sms: false
        }
    }

    /// Whether an attempt with no answer can be settled afterwards: by sending again with the same key,
    /// or by finding the post in the network's listing (LinkedIn, Facebook, Instagram, Twilio).
    public var canReconcile: Bool {
        switch self {
        case .webhook, .mastodon, .linkedin, .facebook, .instagram, .sms: true
        case .email, .slack, .discord: false
        }
    }

    /// Whether the network signs in with OAuth tokens that expire.
    public var usesOAuth: Bool {
        switch self {
        case .linkedin, .facebook, .instagram: true
        default: false
        }
    }
}

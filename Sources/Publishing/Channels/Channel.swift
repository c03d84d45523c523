import Foundation

/// A connected destination: where messages go, how to reach it, and whether it works.
///
/// `settings` are shown back to the owner; `secrets` (tokens, signing keys, webhook URLs that are
/// themselves credentials) are sealed at rest and never leave the server after creation.
public struct Channel: Sendable, Equatable {
    public var id: String
    public var ownerID: String
    public var kind: ChannelKind
    public var name: String
    public var settings: ChannelSettings
    public var secrets: ChannelSecrets
    public var status: ChannelStatus
    /// Why the channel is not `connected`, in the network's words where it gave any.
    public var statusDetail: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, ownerID: String, kind: ChannelKind, name: String, settings: ChannelSettings, secrets: ChannelSecrets,
                status: ChannelStatus = .connected, statusDetail: String? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.kind = kind
        self.name = name
        self.settings = settings
        self.secrets = secrets
        self.status = status
        self.statusDetail = statusDetail
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The access token's expiry, when the network said.
    public var tokenExpiresAt: Date? { secrets.expiresAt }
}

public enum ChannelStatus: String, Sendable, Codable, CaseIterable {
    /// The last test or delivery went through (or nothing has been tried yet).
    case connected
    /// The network refused the token and it could not be refreshed: the owner must reconnect.
    case expired
    /// The last test or delivery failed for a reason other than the token.
    case failing
}

/// What the owner configured and may see again.
public struct ChannelSettings: Sendable, Equatable, Codable {
    /// The network's API root, for self-hosted instances and test servers.
    public var baseURL: String?
    /// Email addresses (email) or phone numbers (sms).
    public var recipients: [String]
    /// The webhook's target (webhook; for Slack and Discord the URL is a secret).
    public var url: String?
    /// LinkedIn's author URN, a Facebook page id or an Instagram user id.
    public var account: String?
    /// The sender: a phone number (sms).
    public var from: String?
    /// The OAuth token endpoint used to refresh (linkedin).
    public var tokenURL: String?

    public init(baseURL: String? = nil, recipients: [String] = [], url: String? = nil, account: String? = nil, from: String? = nil,
                tokenURL: String? = nil) {
        self.baseURL = baseURL
        self.recipients = recipients
        self.url = url
        self.account = account
        self.from = from
        self.tokenURL = tokenURL
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", recipients, url, account, from, tokenURL = "token_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL)
        recipients = try container.decodeIfPresent([String].self, forKey: .recipients) ?? []
        url = try container.decodeIfPresent(String.self, forKey: .url)
        account = try container.decodeIfPresent(String.self, forKey: .account)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        tokenURL = try container.decodeIfPresent(String.self, forKey: .tokenURL)
    }
}

/// What opens the channel: sealed together with AES-GCM, never returned by the API.
public struct ChannelSecrets: Sendable, Equatable, Codable {
    /// Slack's or Discord's incoming-webhook URL.
    public var webhookURL: String?
    /// The key webhook deliveries are signed with.
    public var signingSecret: String?
    public var accessToken: String?
    public var refreshToken: String?
    public var expiresAt: Date?
    public var clientID: String?
    public var clientSecret: String?
    /// Twilio's account auth token.
    public var authToken: String?

    public init(webhookURL: String? = nil, signingSecret: String? = nil, accessToken: String? = nil, refreshToken: String? = nil,
                expiresAt: Date? = nil, clientID: String? = nil, clientSecret: String? = nil, authToken: String? = nil) {
        self.webhookURL = webhookURL
        self.signingSecret = signingSecret
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authToken = authToken
    }

    enum CodingKeys: String, CodingKey {
        case webhookURL = "webhook_url", signingSecret = "signing_secret", accessToken = "access_token", refreshToken = "refresh_token"
        case expiresAt = "expires_at", clientID = "client_id", clientSecret = "client_secret", authToken = "auth_token"
    }

    public var isEmpty: Bool { self == ChannelSecrets() }
}

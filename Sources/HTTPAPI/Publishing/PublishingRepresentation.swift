import Domain
import Foundation
import Publishing

/// The publisher's JSON: channels without their secrets, messages with every delivery's status.
public enum PublishingRepresentation {
    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    static func time(_ date: Date?) -> JSONValue { date.map { .string(Timestamps.format($0)) } ?? .null }

    public static func channel(_ channel: Channel) -> JSONValue {
        let settings = channel.settings
        return .object([
            "id": .string(channel.id), "kind": .string(channel.kind.rawValue), "name": .string(channel.name),
            "settings": .object([
                "base_url": optional(settings.baseURL), "recipients": .array(settings.recipients.map(JSONValue.string)),
                "url": optional(settings.url), "account": optional(settings.account), "from": optional(settings.from),
                "token_url": optional(settings.tokenURL),
            ]),
            // Which credentials are set, never their values.
            "credentials_set": .array(credentialNames(channel.secrets).map(JSONValue.string)),
            "status": .string(channel.status.rawValue), "status_detail": optional(channel.statusDetail),
            "token_expires_at": time(channel.tokenExpiresAt),
            "created_at": time(channel.createdAt), "updated_at": time(channel.updatedAt),
        ])
    }

    static func credentialNames(_ secrets: ChannelSecrets) -> [String] {
        [("webhook_url", secrets.webhookURL), ("signing_secret", secrets.signingSecret), ("access_token", secrets.accessToken),
         ("refresh_token", secrets.refreshToken), ("client_id", secrets.clientID), ("client_secret", secrets.clientSecret),
         ("auth_token", secrets.authToken)].compactMap { $0.1 == nil ? nil : $0.0 }
    }

    public static func message(_ published: PublishedMessage) -> JSONValue {
        let message = published.message
        return .object([
            "id": .string(message.id), "title": optional(message.title), "body": .string(message.body), "link": optional(message.link),
            "media": .array(message.mediaIDs.map(JSONValue.string)), "scheduled_at": time(message.scheduledAt), "due_at": time(message.dueAt),
            "status": .string(published.status.rawValue), "source": optional(message.source),
            "editable": .bool(published.isUnsent),
            "created_at": time(message.createdAt), "updated_at": time(message.updatedAt),
            "deliveries": .array(published.deliveries.map(delivery)),
        ])
    }

    public static func delivery(_ delivery: Delivery) -> JSONValue {
        .object([
            "id": .string(delivery.id), "channel_id": .string(delivery.channelID), "channel_kind": .string(delivery.channelKind.rawValue),
            "text": .string(delivery.text), "overridden": .bool(delivery.overridden), "status": .string(delivery.status.rawValue),
            "attempts": .number(Double(delivery.attempts)), "next_attempt_at": time(delivery.status == .queued ? delivery.nextAttemptAt : nil),
            "last_attempt_at": time(delivery.lastAttemptAt), "external_id": optional(delivery.externalID),
            "external_url": optional(delivery.externalURL), "error": optional(delivery.error),
            "retryable": delivery.retryable.map(JSONValue.bool) ?? .null, "delivered_at": time(delivery.deliveredAt),
            "updated_at": time(delivery.updatedAt),
        ])
    }

    public static func version(_ version: ChannelVersion) -> JSONValue {
        .object([
            "channel_id": .string(version.channel.id), "channel_kind": .string(version.channel.kind.rawValue),
            "channel_name": .string(version.channel.name), "text": .string(version.adapted.text),
            "length": .number(Double(version.adapted.length)), "limit": .number(Double(version.adapted.limit)),
            "over_limit": .bool(version.adapted.length > version.adapted.limit), "shortened": .bool(version.adapted.shortened),
            "overridden": .bool(version.overridden), "segments": version.adapted.segments.map { .number(Double($0)) } ?? .null,
        ])
    }

    public static func certification(_ certification: Certification) -> JSONValue {
        .object([
            "id": .string(certification.id), "name": .string(certification.name), "issuer": .string(certification.issuer),
            "issued_on": optional(certification.issuedOn), "expires_on": optional(certification.expiresOn),
            "credential_id": optional(certification.credentialID), "credential_url": optional(certification.credentialURL),
            "skills": .array(certification.skills.map(JSONValue.string)),
            "verification": .string(certification.verification.rawValue), "verification_detail": optional(certification.verificationDetail),
            "verified_at": time(certification.verifiedAt),
            "created_at": time(certification.createdAt), "updated_at": time(certification.updatedAt),
        ])
    }

    public static func media(_ item: MediaItem, address: String) -> JSONValue {
        .object([
            "id": .string(item.id), "filename": .string(item.filename), "content_type": .string(item.contentType),
            "size": .number(Double(item.size)), "url": .string(address), "created_at": time(item.createdAt),
        ])
    }
}

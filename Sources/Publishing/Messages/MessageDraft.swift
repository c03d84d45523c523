import Domain
import Foundation

/// What a person sends to create or change a message.
public struct MessageDraft: Sendable, Equatable {
    public var title: String?
    public var body: String
    public var link: String?
    public var mediaIDs: [String]
    public var channelIDs: [String]
    /// A person's own version for a channel, by channel id.
    public var overrides: [String: String]
    public var scheduledAt: Date?
    public var source: String?

    public init(title: String? = nil, body: String, link: String? = nil, mediaIDs: [String] = [], channelIDs: [String],
                overrides: [String: String] = [:], scheduledAt: Date? = nil, source: String? = nil) {
        self.title = title
        self.body = body
        self.link = link
        self.mediaIDs = mediaIDs
        self.channelIDs = channelIDs
        self.overrides = overrides
        self.scheduledAt = scheduledAt
        self.source = source
    }

    public var content: MessageContent { MessageContent(title: title, body: body, link: link) }

    /// Problems with the draft on its own, before its channels and media are looked up.
    func problems(now: Date) -> [FieldError] {
        var errors: [FieldError] = []
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append(FieldError(field: "body", message: "must not be empty")) }
        if body.count > 10_000 { errors.append(FieldError(field: "body", message: "must be at most 10,000 characters")) }
        if let title, title.count > 200 { errors.append(FieldError(field: "title", message: "must be at most 200 characters")) }
        if let link {
            if link.count > 1_000 { errors.append(FieldError(field: "link", message: "must be at most 1,000 characters")) }
            if URL(string: link).map({ ["http", "https"].contains($0.scheme ?? "") && $0.host != nil }) != true {
                errors.append(FieldError(field: "link", message: "must be an http or https URL"))
            }
        }
        if channelIDs.isEmpty { errors.append(FieldError(field: "channels", message: "must name at least one channel")) }
        if channelIDs.count > 20 { errors.append(FieldError(field: "channels", message: "must name at most 20 channels")) }
        if Set(channelIDs).count != channelIDs.count { errors.append(FieldError(field: "channels", message: "must not repeat a channel")) }
        if mediaIDs.count > 4 { errors.append(FieldError(field: "media", message: "must hold at most 4 files")) }
        for key in overrides.keys.sorted() where !channelIDs.contains(key) {
            errors.append(FieldError(field: "overrides.\(key)", message: "is not one of the message's channels"))
        }
        // A minute's grace for clocks and slow forms; older than that is a mistake, not "now".
        if let scheduledAt, scheduledAt < now.addingTimeInterval(-60) {
            errors.append(FieldError(field: "scheduled_at", message: "is in the past"))
        }
        return errors
    }
}

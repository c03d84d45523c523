import Domain
import Foundation
import Platform

/// Composing, scheduling, changing and retrying messages. Each message gets one delivery per channel,
/// its text adapted by `ChannelAdaptation` unless the person wrote their own.
public struct MessageService: Sendable {
    let messages: any MessageRepository
    let channels: any ChannelRepository
    let media: any MediaRepository
    let clock: any WallClock

    public init(messages: any MessageRepository, channels: any ChannelRepository, media: any MediaRepository, clock: any WallClock) {
        self.messages = messages
        self.channels = channels
        self.media = media
        self.clock = clock
    }

    public func create(_ draft: MessageDraft, owner: Actor) async throws -> PublishedMessage {
        let now = clock.now()
        let message = Message(id: UUID().uuidString.lowercased(), ownerID: owner.userID, title: Self.trimmed(draft.title), body: draft.body,
                              link: Self.trimmed(draft.link), mediaIDs: draft.mediaIDs, scheduledAt: draft.scheduledAt, source: draft.source,
                              createdAt: now, updatedAt: now)
        var published = PublishedMessage(message: message, deliveries: try await deliveries(for: draft, message: message, owner: owner))
        // Due now: queued at once rather than on the scheduler's next beat.
        var tasks: [NewTask] = []
        if message.dueAt <= now {
            for index in published.deliveries.indices { published.deliveries[index].status = .queued }
            tasks = try published.deliveries.map { try DeliverMessageTask.newTask($0) }
        }
        try await messages.insert(published, tasks: tasks)
        return published
    }

    public func message(id: String, owner: Actor) async throws -> PublishedMessage {
        guard let message = try await messages.message(id: id, owner: owner.userID) else { throw DomainError.notFound("no such message") }
        return message
    }

    public func messages(owner: Actor, filter: MessageFilter) async throws -> [PublishedMessage] {
        try await messages.messages(owner: owner.userID, filter: filter)
    }

    /// Replaces a message that has not started going out; 409 once it has.
    public func update(id: String, _ draft: MessageDraft, owner: Actor) async throws -> PublishedMessage {
        let current = try await message(id: id, owner: owner)
        guard current.isUnsent else { throw DomainError.conflict("the message has started going out and can no longer change") }
        var message = current.message
        message.title = Self.trimmed(draft.title)
        message.body = draft.body
        message.link = Self.trimmed(draft.link)
        message.mediaIDs = draft.mediaIDs
        message.scheduledAt = draft.scheduledAt
        message.updatedAt = clock.now()
        let published = PublishedMessage(message: message, deliveries: try await deliveries(for: draft, message: message, owner: owner))
        switch try await messages.replace(published) {
        case .done: return published
        case .notFound: throw DomainError.notFound("no such message")
        case .sent: throw DomainError.conflict("the message has started going out and can no longer change")
        }
    }

    public func delete(id: String, owner: Actor) async throws {
        switch try await messages.delete(id: id, owner: owner.userID) {
        case .done: return
        case .notFound: throw DomainError.notFound("no such message")
        case .sent: throw DomainError.conflict("the message has started going out and can no longer be deleted")
        }
    }

    /// Queues the message's failed and dead deliveries again, each with a fresh retry budget.
    public func retry(id: String, owner: Actor) async throws -> PublishedMessage {
        _ = try await message(id: id, owner: owner)
        _ = try await messages.retry(owner: owner.userID, messageID: id, filter: MessageFilter(), now: clock.now()) { delivery in
            try DeliverMessageTask.newTask(delivery, runAt: clock.now())
        }
        return try await message(id: id, owner: owner)
    }

    /// Queues every failed or dead delivery matching `filter` whose failure a retry can help. Returns how many.
    public func retryAll(owner: Actor, filter: MessageFilter) async throws -> [Delivery] {
        try await messages.retry(owner: owner.userID, messageID: nil, filter: filter, now: clock.now()) { delivery in
            try DeliverMessageTask.newTask(delivery, runAt: clock.now())
        }
    }

    /// Every channel's version of a draft, as it would go out, without saving anything.
    public func preview(_ draft: MessageDraft, owner: Actor) async throws -> [ChannelVersion] {
        var versions: [ChannelVersion] = []
        for id in draft.channelIDs {
            guard let channel = try await channels.channel(id: id, owner: owner.userID) else { continue }
            versions.append(Self.version(of: draft, for: channel))
        }
        return versions
    }

    static func version(of draft: MessageDraft, for channel: Channel) -> ChannelVersion {
        if let own = draft.overrides[channel.id] {
            return ChannelVersion(channel: channel, adapted: ChannelAdaptation.check(override: own, for: channel.kind), overridden: true)
        }
        return ChannelVersion(channel: channel, adapted: ChannelAdaptation.adapt(draft.content, for: channel.kind), overridden: false)
    }

    private func deliveries(for draft: MessageDraft, message: Message, owner: Actor) async throws -> [Delivery] {
        var errors = draft.problems(now: clock.now())
        var found: [Channel] = []
        for (index, id) in draft.channelIDs.enumerated() {
            if let channel = try await channels.channel(id: id, owner: owner.userID) { found.append(channel) } else {
                errors.append(FieldError(field: "channels[\(index)]", message: "no such channel"))
            }
        }
        let items = try await media.media(ids: draft.mediaIDs).filter { $0.ownerID == owner.userID }
        for (index, id) in draft.mediaIDs.enumerated() where !items.contains(where: { $0.id == id }) {
            errors.append(FieldError(field: "media[\(index)]", message: "no such upload"))
        }
        let versions = found.map { Self.version(of: draft, for: $0) }
        for version in versions where version.adapted.length > version.adapted.limit {
            errors.append(FieldError(field: "overrides.\(version.channel.id)",
                                     message: "is \(version.adapted.length) characters; \(version.channel.kind.rawValue) takes at most \(version.adapted.limit)"))
        }
        if found.contains(where: { $0.kind == .instagram }), !items.contains(where: { $0.contentType.hasPrefix("image/") }) {
            errors.append(FieldError(field: "media", message: "Instagram takes no post without an image"))
        }
        guard errors.isEmpty else { throw DomainError.invalid("the message cannot be sent as given", fieldErrors: errors) }
        return versions.map { version in
            Delivery(id: UUID().uuidString.lowercased(), messageID: message.id, ownerID: owner.userID, channelID: version.channel.id,
                     channelKind: version.channel.kind, text: version.adapted.text, overridden: version.overridden, status: .scheduled,
                     dueAt: message.dueAt, updatedAt: clock.now())
        }
    }

    static func trimmed(_ text: String?) -> String? {
        text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// One channel's version of a draft.
public struct ChannelVersion: Sendable, Equatable {
    public var channel: Channel
    public var adapted: AdaptedText
    public var overridden: Bool

    public init(channel: Channel, adapted: AdaptedText, overridden: Bool) {
        self.channel = channel
        self.adapted = adapted
        self.overridden = overridden
    }
}

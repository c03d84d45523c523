import Domain
import Foundation
import Publishing

/// The composer's fields as typed, so a page that answers a mistake or a preview shows them unchanged.
struct MessageForm {
    var title = ""
    var body = ""
    var link = ""
    /// The `datetime-local` value, read as UTC.
    var scheduled = ""
    var channelIDs: [String] = []
    /// Every channel's own version as typed, chosen or not, so unticking a box loses nothing.
    var overrides: [String: String] = [:]
    /// `certification:<id>` when the message announces one of the person's certifications.
    var source = ""
    var errors = FormErrors()

    static func read(_ form: FormBody, channels: [Channel]) -> MessageForm {
        var state = MessageForm(title: form["title"] ?? "", body: form["body"] ?? "", link: form["link"] ?? "",
                                scheduled: form["scheduled_at"] ?? "", channelIDs: form.all("channels"), source: form["source"] ?? "")
        for channel in channels {
            if let text = form["override_\(channel.id)"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                state.overrides[channel.id] = text
            }
        }
        return state
    }

    /// The form of a message being changed: its versions that were written by hand are its overrides.
    init(_ published: PublishedMessage) {
        let message = published.message
        title = message.title ?? ""
        body = message.body
        link = message.link ?? ""
        scheduled = message.scheduledAt.map(PublishText.inputValue) ?? ""
        channelIDs = published.deliveries.map(\.channelID)
        overrides = Dictionary(published.deliveries.filter(\.overridden).map { ($0.channelID, $0.text) }, uniquingKeysWith: { first, _ in first })
        source = message.source ?? ""
    }

    init(title: String = "", body: String = "", link: String = "", scheduled: String = "", channelIDs: [String] = [], source: String = "") {
        self.title = title
        self.body = body
        self.link = link
        self.scheduled = scheduled
        self.channelIDs = channelIDs
        self.source = source
    }

    /// The draft the service reads; a time the page cannot read is a field error of its own.
    func draft() -> (draft: MessageDraft, problems: [FieldError]) {
        var problems: [FieldError] = []
        var scheduledAt: Date?
        if let text = PublishText.nonEmpty(scheduled) {
            scheduledAt = PublishText.parseInput(text)
            if scheduledAt == nil { problems.append(FieldError(field: "scheduled_at", message: "is not a date and time such as 2026-12-01T09:30")) }
        }
        let chosen = overrides.filter { channelIDs.contains($0.key) }
        let draft = MessageDraft(title: PublishText.nonEmpty(title), body: body, link: PublishText.nonEmpty(link), channelIDs: channelIDs,
                                 overrides: chosen, scheduledAt: scheduledAt, source: PublishText.nonEmpty(source))
        return (draft, problems)
    }

    static let labels = ["title": "Title", "body": "Text", "link": "Link", "channels": "Channels", "scheduled_at": "Time (UTC)", "media": "Media"]

    /// The composer's model; `versions` are the preview's, when there is one.
    func model(channels: [Channel], versions: [ChannelVersion]?) -> [String: Any] {
        var labels = Self.labels
        for channel in channels { labels["overrides.\(channel.id)"] = "Your version for \(channel.name)" }
        let rows = channels.map { channel -> [String: Any] in
            [
                "id": channel.id, "name": channel.name, "kind": PublishText.kind(channel.kind), "checked": channelIDs.contains(channel.id),
                "override": overrides[channel.id] ?? "", "overrideError": errors.text("overrides.\(channel.id)"),
                "limit": PostingText.grouped(ChannelStyle.of(channel.kind).limit),
                "statusNote": channel.status == .connected ? "" : "\(PublishText.channelStatus(channel.status)): test or reconnect it first",
            ]
        }
        return [
            "title": title, "body": body, "link": link, "scheduled": scheduled, "source": source,
            "channels": rows, "hasChannels": !channels.isEmpty,
            "titleError": errors.text("title"), "bodyError": errors.text("body"), "linkError": errors.text("link"),
            "channelsError": errors.text("channels"), "scheduledError": errors.text("scheduled_at"), "mediaError": errors.text("media"),
            "formErrors": errors.list(labels: labels), "hasFormErrors": !errors.isEmpty,
        ].merging(Self.versionsModel(versions)) { _, new in new }
    }

    /// Each channel's version with its counter: the preview section, on the page and as a fragment.
    static func versionsModel(_ versions: [ChannelVersion]?) -> [String: Any] {
        let rows = (versions ?? []).map { version -> [String: Any] in
            let adapted = version.adapted
            return [
                "channelName": version.channel.name, "channelKind": PublishText.kind(version.channel.kind), "text": adapted.text,
                "length": PostingText.grouped(adapted.length), "limit": PostingText.grouped(adapted.limit),
                "overLimit": adapted.length > adapted.limit, "overBy": PostingText.grouped(adapted.length - adapted.limit), "shortened": adapted.shortened, "overridden": version.overridden,
                "segments": adapted.segments ?? 0, "hasSegments": adapted.segments != nil,
                "segmentWord": adapted.segments == 1 ? "segment" : "segments",
            ]
        }
        return ["previewed": versions != nil, "versions": rows, "hasVersions": !rows.isEmpty]
    }
}

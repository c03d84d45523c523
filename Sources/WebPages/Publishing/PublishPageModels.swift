import Domain
import Foundation
import Publishing

/// How the publisher's things read on a page: kinds, statuses and times in words.
enum PublishText {
    static func kind(_ kind: ChannelKind) -> String {
        switch kind {
        case .email: "Email"
        case .webhook: "Webhook"
        case .slack: "Slack"
        case .discord: "Discord"
        case .mastodon: "Mastodon"
        case .linkedin: "LinkedIn"
        case .facebook: "Facebook"
        case .instagram: "Instagram"
        case .sms: "SMS"
        }
    }

    static func channelStatus(_ status: ChannelStatus) -> String {
        switch status {
        case .connected: "connected"
        case .expired: "expired"
        case .failing: "failing"
        }
    }

    static func deliveryStatus(_ status: DeliveryStatus) -> String {
        switch status {
        case .scheduled: "scheduled"
        case .queued: "queued"
        case .sending: "sending"
        case .delivered: "delivered"
        case .failed: "failed"
        case .dead: "dead"
        }
    }

    /// What a delivery's status means for the person waiting on it.
    static func deliveryExplanation(_ status: DeliveryStatus) -> String {
        switch status {
        case .scheduled: "waits for its time"
        case .queued: "due; waits for its next attempt"
        case .sending: "an attempt is under way"
        case .delivered: "the network took it"
        case .failed: "the network did not take it"
        case .dead: "failed on every attempt"
        }
    }

    static func messageStatus(_ status: MessageStatus) -> String {
        switch status {
        case .scheduled: "scheduled"
        case .sending: "sending"
        case .delivered: "delivered"
        case .partiallyDelivered: "partly delivered"
        case .failed: "failed"
        }
    }

    /// A message's name in lists: its title, or the start of its body.
    static func label(_ message: Message) -> String {
        if let title = message.title, !title.isEmpty { return title }
        let line = message.body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(59)) + "…" : (line.isEmpty ? "(no text)" : line)
    }

    /// `2026-12-01 09:30 UTC`: every time on these pages is UTC, and says so.
    static func time(_ date: Date) -> String {
        let text = Timestamps.format(date)
        return "\(text.prefix(10)) \(text.dropFirst(11).prefix(5)) UTC"
    }

    /// The value a `datetime-local` input takes: `2026-12-01T09:30`.
    static func inputValue(_ date: Date) -> String {
        String(Timestamps.format(date).prefix(16))
    }

    /// A `datetime-local` value read as UTC; browsers send minutes, or seconds when asked to.
    static func parseInput(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/) != nil else { return nil }
        return Timestamps.parse(trimmed.count == 16 ? trimmed + ":00Z" : trimmed + "Z")
    }

    /// A form's text, trimmed; nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

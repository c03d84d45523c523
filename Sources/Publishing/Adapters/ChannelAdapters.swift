import Domain
import Foundation
import Platform

/// The adapter for each kind, built once from what they need.
public struct ChannelAdapters: Sendable {
    private let adapters: [ChannelKind: any ChannelAdapter]

    public init(sender: any HTTPSender, mailer: any Mailer, mailFrom: MailAddress, clock: any WallClock, timeout: Duration = .seconds(15)) {
        let http = ChannelHTTP(sender: sender, timeout: timeout, clock: clock)
        let all: [any ChannelAdapter] = [
            EmailAdapter(mailer: mailer, from: mailFrom), WebhookAdapter(http: http), SlackAdapter(http: http), DiscordAdapter(http: http),
            MastodonAdapter(http: http), LinkedInAdapter(http: http), FacebookAdapter(http: http), InstagramAdapter(http: http),
            SMSAdapter(http: http),
        ]
        adapters = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })
    }

    public func adapter(for kind: ChannelKind) -> any ChannelAdapter {
        adapters[kind]!
    }
}

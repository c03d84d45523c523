import Foundation
import Platform

/// Slack's incoming webhooks: `{"text": …}` to the webhook URL, answered `200 ok`. Errors come back as
/// plain text codes (`invalid_payload`, `no_service`, `channel_is_archived`). Slack neither honours an
/// idempotency key nor offers a lookup, so an attempt with no answer is reported as unknown, never resent.
struct SlackAdapter: ChannelAdapter {
    let kind = ChannelKind.slack
    let http: ChannelHTTP

    struct Payload: Encodable {
        var text: String
        var unfurl_links: Bool
    }

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        _ = try await send(Payload(text: post.text, unfurl_links: post.link != nil), channel: channel)
        // Slack answers "ok" and no id.
        return DeliveryReceipt(externalID: nil)
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        // Slack offers no way to check a webhook without posting.
        _ = try await send(Payload(text: "Wayfinder is connected to this channel.", unfurl_links: false), channel: channel)
        return "Slack accepted a test message"
    }

    private func send(_ payload: Payload, channel: Channel) async throws(ChannelFailure) -> HTTPFetchResponse {
        let target = try channel.required(channel.secrets.webhookURL, "webhook URL")
        guard let url = URL(string: target) else { throw .rejected("the Slack webhook URL is not a URL") }
        let request: HTTPOutgoingRequest
        do { request = try .json(url: url, payload) } catch { throw .rejected("the message could not be encoded") }
        return try await http.send(request, network: "Slack")
    }
}

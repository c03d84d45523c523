import Domain
import Foundation
import Platform

/// A JSON POST to the owner's URL, signed (see `WebhookSignature`) and carrying the delivery's
/// `Idempotency-Key`, so a receiver that keeps keys drops a repeated attempt.
struct WebhookAdapter: ChannelAdapter {
    let kind = ChannelKind.webhook
    let http: ChannelHTTP

    struct Payload: Encodable {
        var type: String
        var delivery_id: String
        var message_id: String
        var title: String?
        var text: String
        var link: String?
        var media: [String]
        var sent_at: String
    }

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        let payload = Payload(type: "message", delivery_id: post.deliveryID, message_id: post.messageID, title: post.title, text: post.text,
                              link: post.link, media: post.media.map(\.publicURL), sent_at: Timestamps.format(http.clock.now()))
        let response = try await http.send(try request(payload, channel: channel, key: post.idempotencyKey), network: "the webhook")
        // The receiver's own id when it gives one, else the key it was sent.
        let id = ChannelHTTP.json(response)["id"].map { "\($0)" } ?? post.idempotencyKey
        return DeliveryReceipt(externalID: id)
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        let payload = Payload(type: "test", delivery_id: "test", message_id: "test", title: nil, text: "Wayfinder checks this webhook.",
                              link: nil, media: [], sent_at: Timestamps.format(http.clock.now()))
        let response = try await http.send(try request(payload, channel: channel, key: "test-\(UUID().uuidString)"), network: "the webhook")
        return "the webhook answered \(response.status)"
    }

    private func request(_ payload: Payload, channel: Channel, key: String) throws(ChannelFailure) -> HTTPOutgoingRequest {
        let target = try channel.required(channel.settings.url, "URL")
        guard let url = URL(string: target) else { throw .rejected("the webhook URL is not a URL") }
        let secret = try channel.required(channel.secrets.signingSecret, "signing secret")
        let timestamp = Int(http.clock.now().timeIntervalSince1970)
        do {
            var request = try HTTPOutgoingRequest.json(url: url, payload)
            request.headers[WebhookSignature.timestampHeader] = String(timestamp)
            request.headers[WebhookSignature.signatureHeader] = WebhookSignature.sign(body: request.body, timestamp: timestamp, secret: secret)
            request.headers["Idempotency-Key"] = key
            return request
        } catch {
            throw .rejected("the message could not be encoded: \(error)")
        }
    }
}

import Foundation
import Platform

/// Discord's webhooks: `POST {webhook}?wait=true` with `content` (at most 2,000 characters), answered with
/// the created message and its id. Mentions are not parsed, so a message cannot ping `@everyone`.
/// Discord honours no idempotency key; an attempt with no answer is reported as unknown.
struct DiscordAdapter: ChannelAdapter {
    let kind = ChannelKind.discord
    let http: ChannelHTTP

    struct Payload: Encodable {
        struct AllowedMentions: Encodable { var parse: [String] = [] }
        struct Embed: Encodable {
            struct Image: Encodable { var url: String }
            var image: Image
        }
        var content: String
        var allowed_mentions = AllowedMentions()
        var embeds: [Embed]
    }

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        let webhook = try webhookURL(channel)
        let url = try ChannelHTTP.url(webhook, "", query: [("wait", "true")])
        let payload = Payload(content: post.text, embeds: post.media.filter { $0.contentType.hasPrefix("image/") }
            .prefix(10).map { Payload.Embed(image: .init(url: $0.publicURL)) })
        let request: HTTPOutgoingRequest
        do { request = try .json(url: url, payload) } catch { throw .rejected("the message could not be encoded") }
        let response = try await http.send(request, network: "Discord", errorMessage: Self.errorMessage)
        let message = ChannelHTTP.json(response)
        guard let id = message["id"] as? String else { throw .noAnswer("Discord answered \(response.status) without a message id") }
        let guild = message["guild_id"] as? String, channelID = message["channel_id"] as? String
        return DeliveryReceipt(externalID: id, url: guild.flatMap { guild in channelID.map { "https://discord.com/channels/\(guild)/\($0)/\(id)" } })
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        // GET on a webhook returns the webhook without posting.
        let response = try await http.send(HTTPOutgoingRequest(method: "GET", url: try ChannelHTTP.url(try webhookURL(channel), "")),
                                           network: "Discord", errorMessage: Self.errorMessage)
        let name = ChannelHTTP.json(response)["name"] as? String
        return "Discord knows this webhook" + (name.map { " as \($0)" } ?? "")
    }

    private func webhookURL(_ channel: Channel) throws(ChannelFailure) -> String {
        try channel.required(channel.secrets.webhookURL, "webhook URL")
    }

    /// `{"message": "Invalid Form Body", "code": 50035}`.
    static func errorMessage(_ response: HTTPFetchResponse) -> String? {
        let object = ChannelHTTP.json(response)
        guard let message = object["message"] as? String else { return ChannelHTTP.genericMessage(response) }
        return object["code"].map { "\(message) (code \($0))" } ?? message
    }
}

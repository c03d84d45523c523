import Foundation
import Platform

/// Instagram's content publishing: a media container first (`POST /{ig-user-id}/media` with `image_url`
/// and `caption`), then `POST /{ig-user-id}/media_publish` with its `creation_id`. Instagram fetches the
/// image itself, so it needs a public address, and it takes no post without an image. An attempt with no
/// answer is looked up among the account's latest media by caption.
struct InstagramAdapter: ChannelAdapter {
    let kind = ChannelKind.instagram
    let http: ChannelHTTP

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        let user = try channel.required(channel.settings.account, "Instagram user id")
        let token = try channel.required(channel.secrets.accessToken, "access token")
        guard let image = post.media.first(where: { $0.contentType.hasPrefix("image/") }) else {
            throw .rejected("Instagram takes no post without an image")
        }
        let container = try await http.send(.form(url: try ChannelHTTP.url(base(channel), "/\(user)/media"),
                                                  [("image_url", image.publicURL), ("caption", post.text), ("access_token", token)]),
                                            network: "Instagram", failure: GraphAPI.failure("Instagram", http: http))
        guard let creation = ChannelHTTP.json(container)["id"] as? String else { throw .unavailable("Instagram made no media container") }
        let published = try await http.send(.form(url: try ChannelHTTP.url(base(channel), "/\(user)/media_publish"),
                                                  [("creation_id", creation), ("access_token", token)]),
                                            network: "Instagram", failure: GraphAPI.failure("Instagram", http: http))
        guard let id = ChannelHTTP.json(published)["id"] as? String else { throw .noAnswer("Instagram answered \(published.status) without a media id") }
        return DeliveryReceipt(externalID: id, url: await permalink(id, channel: channel, token: token))
    }

    func reconcile(_ post: ChannelPost, on channel: Channel, attemptedAt: Date) async throws(ChannelFailure) -> Reconciliation {
        let user = try channel.required(channel.settings.account, "Instagram user id")
        return try await GraphAPI.findRecent(post.text, channel: channel, path: "/\(user)/media", fields: "id,caption,permalink,timestamp",
                                             field: "caption", dateField: "timestamp", attemptedAt: attemptedAt, network: "Instagram", http: http)
            .map { .delivered($0) } ?? .notDelivered
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        let user = try channel.required(channel.settings.account, "Instagram user id")
        let answer = try await GraphAPI.read(channel, path: "/\(user)", fields: "id,username", network: "Instagram", http: http)
        return "Instagram opened @\(answer["username"] as? String ?? user)"
    }

    func refresh(_ channel: Channel) async throws(ChannelFailure) -> ChannelSecrets? {
        try await GraphAPI.exchange(channel, http: http, network: "Instagram")
    }

    /// The post's address, when Instagram says; a post without one is still delivered.
    private func permalink(_ id: String, channel: Channel, token: String) async -> String? {
        guard let url = try? ChannelHTTP.url(base(channel), "/\(id)", query: [("fields", "permalink"), ("access_token", token)]),
              let response = try? await http.send(HTTPOutgoingRequest(method: "GET", url: url), network: "Instagram") else { return nil }
        return ChannelHTTP.json(response)["permalink"] as? String
    }

    private func base(_ channel: Channel) -> String { channel.settings.baseURL ?? GraphAPI.defaultBase }
}

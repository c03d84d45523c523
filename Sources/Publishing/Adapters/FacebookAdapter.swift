import Foundation
import Platform

/// A Facebook Page's feed through the Graph API: `POST /{page-id}/feed` with `message`, `link` and the
/// page access token, answered `{"id": "<page>_<post>"}`. No idempotency key; an attempt with no answer
/// is looked up among the page's posts since it.
struct FacebookAdapter: ChannelAdapter {
    let kind = ChannelKind.facebook
    let http: ChannelHTTP

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        let page = try channel.required(channel.settings.account, "page id")
        var fields = [("message", post.text)]
        if let link = post.link { fields.append(("link", link)) }
        fields.append(("access_token", try channel.required(channel.secrets.accessToken, "page access token")))
        let response = try await http.send(.form(url: try ChannelHTTP.url(base(channel), "/\(page)/feed"), fields),
                                           network: "Facebook", failure: GraphAPI.failure("Facebook", http: http))
        guard let id = ChannelHTTP.json(response)["id"] as? String else { throw .noAnswer("Facebook answered \(response.status) without a post id") }
        return DeliveryReceipt(externalID: id, url: "https://www.facebook.com/\(id)")
    }

    func reconcile(_ post: ChannelPost, on channel: Channel, attemptedAt: Date) async throws(ChannelFailure) -> Reconciliation {
        let page = try channel.required(channel.settings.account, "page id")
        return try await GraphAPI.findRecent(post.text, channel: channel, path: "/\(page)/feed", fields: "id,message,created_time,permalink_url",
                                             field: "message", dateField: "created_time", attemptedAt: attemptedAt, network: "Facebook", http: http)
            .map { .delivered($0) } ?? .notDelivered
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        let page = try channel.required(channel.settings.account, "page id")
        let answer = try await GraphAPI.read(channel, path: "/\(page)", fields: "id,name", network: "Facebook", http: http)
        return "Facebook opened the page \(answer["name"] as? String ?? page)"
    }

    func refresh(_ channel: Channel) async throws(ChannelFailure) -> ChannelSecrets? {
        try await GraphAPI.exchange(channel, http: http, network: "Facebook")
    }

    private func base(_ channel: Channel) -> String { channel.settings.baseURL ?? GraphAPI.defaultBase }
}

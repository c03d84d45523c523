import Foundation
import Platform

/// LinkedIn's Posts API: `POST /rest/posts` (versioned by `LinkedIn-Version`, Rest.li 2.0) with the
/// author's URN and the commentary; the new post's URN comes back in `x-restli-id`. LinkedIn honours no
/// idempotency key, so an attempt with no answer is looked up among the author's latest posts.
/// Access tokens expire after 60 days; with a refresh token the adapter gets a new one.
struct LinkedInAdapter: ChannelAdapter {
    static let version = "202411"
    static let defaultBase = "https://api.linkedin.com"
    static let defaultTokenURL = "https://www.linkedin.com/oauth/v2/accessToken"
    let kind = ChannelKind.linkedin
    let http: ChannelHTTP

    struct Post: Encodable {
        struct Distribution: Encodable {
            var feedDistribution = "MAIN_FEED"
            var targetEntities: [String] = []
            var thirdPartyDistributionChannels: [String] = []
        }
        struct Content: Encodable {
            struct Article: Encodable {
                var source: String
                var title: String
            }
            var article: Article
        }
        var author: String
        var commentary: String
        var visibility = "PUBLIC"
        var distribution = Distribution()
        var content: Content?
        var lifecycleState = "PUBLISHED"
        var isReshareDisabledByAuthor = false
    }

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        let author = try channel.required(channel.settings.account, "author URN")
        let article = post.link.map { Post.Content(article: .init(source: $0, title: post.title ?? $0)) }
        var request: HTTPOutgoingRequest
        do {
            request = try .json(url: try ChannelHTTP.url(base(channel), "/rest/posts"), Post(author: author, commentary: post.text, content: article))
        } catch let failure as ChannelFailure { throw failure } catch { throw .rejected("the message could not be encoded") }
        request.headers.merge(try headers(channel)) { $1 }
        let response = try await http.send(request, network: "LinkedIn")
        guard let urn = response.headers["x-restli-id"] ?? response.headers["x-linkedin-id"] else {
            throw .noAnswer("LinkedIn answered \(response.status) without the post's id")
        }
        return DeliveryReceipt(externalID: urn, url: "https://www.linkedin.com/feed/update/\(urn)")
    }

    func reconcile(_ post: ChannelPost, on channel: Channel, attemptedAt: Date) async throws(ChannelFailure) -> Reconciliation {
        // Newest first, a page at a time, until the post, the listing's end, or posts older than the attempt.
        for page in 0..<RecentPosts.maximumPages {
            let elements = try await recentPosts(channel, count: RecentPosts.pageSize, start: page * RecentPosts.pageSize)
            for element in elements where (element["commentary"] as? String) == post.text {
                if let urn = element["id"] as? String { return .delivered(DeliveryReceipt(externalID: urn, url: "https://www.linkedin.com/feed/update/\(urn)")) }
            }
            let created = elements.map { ($0["createdAt"] as? Double).map { Date(timeIntervalSince1970: $0 / 1_000) } }
            if elements.count < RecentPosts.pageSize || RecentPosts.isOlder(created, than: attemptedAt) { break }
        }
        return .notDelivered
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        _ = try await recentPosts(channel, count: 1)
        return "LinkedIn lists posts for \(channel.settings.account ?? "the author")"
    }

    func refresh(_ channel: Channel) async throws(ChannelFailure) -> ChannelSecrets? {
        guard let refreshToken = channel.secrets.refreshToken, let clientID = channel.secrets.clientID,
              let clientSecret = channel.secrets.clientSecret else { return nil }
        let tokenURL = channel.settings.tokenURL ?? Self.defaultTokenURL
        guard let url = URL(string: tokenURL) else { throw .rejected("the token URL is not a URL") }
        let response = try await http.send(.form(url: url, [("grant_type", "refresh_token"), ("refresh_token", refreshToken),
                                                             ("client_id", clientID), ("client_secret", clientSecret)]),
                                           network: "LinkedIn's token endpoint")
        let answer = ChannelHTTP.json(response)
        guard let token = answer["access_token"] as? String else { throw .unauthorized("LinkedIn's token endpoint gave no access token") }
        var secrets = channel.secrets
        secrets.accessToken = token
        if let refreshed = answer["refresh_token"] as? String { secrets.refreshToken = refreshed }
        secrets.expiresAt = (answer["expires_in"] as? Int).map { http.clock.now().addingTimeInterval(TimeInterval($0)) }
        return secrets
    }

    private func recentPosts(_ channel: Channel, count: Int, start: Int = 0) async throws(ChannelFailure) -> [[String: Any]] {
        let author = try channel.required(channel.settings.account, "author URN")
        var request = HTTPOutgoingRequest(method: "GET", url: try ChannelHTTP.url(base(channel), "/rest/posts",
                                                                                   query: [("author", author), ("q", "author"), ("count", String(count)),
                                                                                           ("start", String(start)), ("sortBy", "LAST_MODIFIED")]))
        request.headers.merge(try headers(channel)) { $1 }
        let response = try await http.send(request, network: "LinkedIn")
        return ChannelHTTP.json(response)["elements"] as? [[String: Any]] ?? []
    }

    private func base(_ channel: Channel) -> String { channel.settings.baseURL ?? Self.defaultBase }

    private func headers(_ channel: Channel) throws(ChannelFailure) -> [String: String] {
        ["Authorization": "Bearer \(try channel.required(channel.secrets.accessToken, "access token"))",
         "LinkedIn-Version": Self.version, "X-Restli-Protocol-Version": "2.0.0"]
    }
}

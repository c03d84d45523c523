import Foundation
import Platform

/// What Facebook's and Instagram's Graph API share: errors as `{"error": {"message", "type", "code"}}`
/// (often with status 400 whatever the cause), long-lived token exchange, and the default address.
enum GraphAPI {
    static let defaultBase = "https://graph.facebook.com/v21.0"

    /// Code 190 is an invalid or expired token; 4, 17, 32 and 613 are rate limits; 1 and 2 are the
    /// Graph API's own temporary failures.
    static func failure(_ network: String, http: ChannelHTTP) -> (HTTPFetchResponse) -> ChannelFailure? {
        { response in
            guard let error = ChannelHTTP.json(response)["error"] as? [String: Any] else { return nil }
            let message = error["message"] as? String ?? "error"
            let code = error["code"] as? Int ?? 0
            switch code {
            case 190, 102: return .unauthorized("\(network) refused the token (code \(code)): \(message)")
            case 4, 17, 32, 613: return .throttled("\(network) is throttling (code \(code)): \(message)", retryAfter: http.retryAfter(response))
            case 1, 2: return .unavailable("\(network) failed (code \(code)): \(message)")
            default: return nil
            }
        }
    }

    /// A long-lived token in place of one about to expire, when the app's id and secret were given.
    static func exchange(_ channel: Channel, http: ChannelHTTP, network: String) async throws(ChannelFailure) -> ChannelSecrets? {
        guard let token = channel.secrets.accessToken, let clientID = channel.secrets.clientID,
              let clientSecret = channel.secrets.clientSecret else { return nil }
        let url = try ChannelHTTP.url(channel.settings.baseURL ?? defaultBase, "/oauth/access_token",
                                      query: [("grant_type", "fb_exchange_token"), ("client_id", clientID),
                                              ("client_secret", clientSecret), ("fb_exchange_token", token)])
        let response = try await http.send(HTTPOutgoingRequest(method: "GET", url: url), network: network,
                                           failure: failure(network, http: http))
        let answer = ChannelHTTP.json(response)
        guard let fresh = answer["access_token"] as? String else { throw .unauthorized("\(network) gave no access token") }
        var secrets = channel.secrets
        secrets.accessToken = fresh
        secrets.expiresAt = (answer["expires_in"] as? Int).map { http.clock.now().addingTimeInterval(TimeInterval($0)) }
        return secrets
    }

    /// `GET {base}{path}?fields=…&access_token=…` on the channel's account, as both networks read.
    static func read(_ channel: Channel, path: String, fields: String, limit: Int? = nil, network: String,
                     http: ChannelHTTP) async throws(ChannelFailure) -> [String: Any] {
        var query = [("fields", fields)]
        if let limit { query.append(("limit", String(limit))) }
        query.append(("access_token", try channel.required(channel.secrets.accessToken, "access token")))
        let url = try ChannelHTTP.url(channel.settings.baseURL ?? defaultBase, path, query: query)
        return ChannelHTTP.json(try await http.send(HTTPOutgoingRequest(method: "GET", url: url), network: network,
                                                    failure: failure(network, http: http)))
    }

    /// Finds an earlier attempt among the account's posts by its text, newest first, following the listing's
    /// next pages until the post, the listing's end, or posts older than the attempt.
    static func findRecent(_ text: String, channel: Channel, path: String, fields: String, field: String, dateField: String,
                           attemptedAt: Date, network: String, http: ChannelHTTP) async throws(ChannelFailure) -> DeliveryReceipt? {
        var page = try await read(channel, path: path, fields: fields, limit: RecentPosts.pageSize, network: network, http: http)
        for _ in 1...RecentPosts.maximumPages {
            let items = page["data"] as? [[String: Any]] ?? []
            if let found = find(text, in: items, field: field) { return found }
            guard !RecentPosts.isOlder(items.map { RecentPosts.graphDate($0[dateField]) }, than: attemptedAt),
                  let next = (page["paging"] as? [String: Any])?["next"] as? String,
                  let url = RecentPosts.sameHost(next, as: channel.settings.baseURL ?? defaultBase) else { return nil }
            page = ChannelHTTP.json(try await http.send(HTTPOutgoingRequest(method: "GET", url: url), network: network,
                                                        failure: failure(network, http: http)))
        }
        return nil
    }

    /// Finds an earlier attempt among the latest posts by its text.
    static func find(_ text: String, in items: [[String: Any]], field: String) -> DeliveryReceipt? {
        guard let item = items.first(where: { ($0[field] as? String) == text }), let id = item["id"] as? String else { return nil }
        return DeliveryReceipt(externalID: id, url: item["permalink_url"] as? String ?? item["permalink"] as? String)
    }
}

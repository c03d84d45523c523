import Domain
import Foundation
import Platform

/// Twilio's Messages API (and services that speak it): `POST /2010-04-01/Accounts/{sid}/Messages.json`
/// with `To`, `From` and `Body` under HTTP Basic auth, answered `201` with the message's `sid`. Errors are
/// `{"code", "message"}` (20003 bad credentials, 21211 an invalid number, 20429 throttling). Twilio
/// honours no idempotency key; an attempt with no answer is looked up among today's messages to the number.
struct SMSAdapter: ChannelAdapter {
    static let defaultBase = "https://api.twilio.com"
    let kind = ChannelKind.sms
    let http: ChannelHTTP

    func deliver(_ post: ChannelPost, to channel: Channel) async throws(ChannelFailure) -> DeliveryReceipt {
        let (to, from) = try numbers(channel)
        var fields = [("To", to), ("From", from), ("Body", post.text)]
        for media in post.media.prefix(10) { fields.append(("MediaUrl", media.publicURL)) }
        var request = HTTPOutgoingRequest.form(url: try messagesURL(channel), fields)
        request.headers["Authorization"] = try authorization(channel)
        let response = try await http.send(request, network: "the SMS service", errorMessage: Self.errorMessage, failure: Self.failure)
        let message = ChannelHTTP.json(response)
        guard let sid = message["sid"] as? String else { throw .noAnswer("the SMS service answered \(response.status) without a message sid") }
        return DeliveryReceipt(externalID: sid)
    }

    func reconcile(_ post: ChannelPost, on channel: Channel, attemptedAt: Date) async throws(ChannelFailure) -> Reconciliation {
        let (to, from) = try numbers(channel)
        let day = UTCDay.string(attemptedAt)
        var url = try messagesURL(channel, query: [("To", to), ("From", from), ("DateSent>", day), ("PageSize", String(RecentPosts.pageSize))])
        // Newest first, following `next_page_uri` until the message, the listing's end, or older messages.
        for _ in 0..<RecentPosts.maximumPages {
            var request = HTTPOutgoingRequest(method: "GET", url: url)
            request.headers["Authorization"] = try authorization(channel)
            let page = ChannelHTTP.json(try await http.send(request, network: "the SMS service", errorMessage: Self.errorMessage, failure: Self.failure))
            let messages = page["messages"] as? [[String: Any]] ?? []
            if let sent = messages.first(where: { ($0["body"] as? String) == post.text }), let sid = sent["sid"] as? String {
                return .delivered(DeliveryReceipt(externalID: sid))
            }
            guard !RecentPosts.isOlder(messages.map { RecentPosts.twilioDate($0["date_created"]) }, than: attemptedAt),
                  let next = page["next_page_uri"] as? String, next.hasPrefix("/"),
                  let following = URL(string: base(channel) + next) else { break }
            url = following
        }
        return .notDelivered
    }

    func test(_ channel: Channel) async throws(ChannelFailure) -> String {
        let sid = try channel.required(channel.settings.account, "account SID")
        var request = HTTPOutgoingRequest(method: "GET", url: try ChannelHTTP.url(base(channel), "/2010-04-01/Accounts/\(sid).json"))
        request.headers["Authorization"] = try authorization(channel)
        let account = ChannelHTTP.json(try await http.send(request, network: "the SMS service", errorMessage: Self.errorMessage, failure: Self.failure))
        return "the SMS account \(account["friendly_name"] as? String ?? sid) is \(account["status"] as? String ?? "reachable")"
    }

    private func numbers(_ channel: Channel) throws(ChannelFailure) -> (to: String, from: String) {
        guard let to = channel.settings.recipients.first else { throw .rejected("the channel has no phone number to send to") }
        return (to, try channel.required(channel.settings.from, "sender number"))
    }

    private func messagesURL(_ channel: Channel, query: [(String, String)] = []) throws(ChannelFailure) -> URL {
        let sid = try channel.required(channel.settings.account, "account SID")
        return try ChannelHTTP.url(base(channel), "/2010-04-01/Accounts/\(sid)/Messages.json", query: query)
    }

    private func authorization(_ channel: Channel) throws(ChannelFailure) -> String {
        let sid = try channel.required(channel.settings.account, "account SID")
        let token = try channel.required(channel.secrets.authToken, "auth token")
        return "Basic " + Data("\(sid):\(token)".utf8).base64EncodedString()
    }

    private func base(_ channel: Channel) -> String { channel.settings.baseURL ?? Self.defaultBase }

    static func errorMessage(_ response: HTTPFetchResponse) -> String? {
        let object = ChannelHTTP.json(response)
        guard let message = object["message"] as? String else { return ChannelHTTP.genericMessage(response) }
        return object["code"].map { "\(message) (code \($0))" } ?? message
    }

    /// Twilio's throttling code arrives with 429, but its authentication code can come with 401 or 403.
    static func failure(_ response: HTTPFetchResponse) -> ChannelFailure? {
        let code = ChannelHTTP.json(response)["code"] as? Int
        if code == 20003 { return .unauthorized("the SMS service refused the credentials: \(errorMessage(response) ?? "")") }
        return nil
    }
}

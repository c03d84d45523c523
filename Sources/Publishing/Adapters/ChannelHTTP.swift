import Domain
import Foundation
import Platform

/// Sends a network's request and turns what comes back into a `ChannelFailure` where it is not a success:
/// 401 is an expired or invalid token, 429 throttling (with `Retry-After`), 408 and 5xx a failure worth
/// retrying, any other 4xx a refusal. `errorMessage` reads the network's own words from its error body.
struct ChannelHTTP: Sendable {
    let sender: any HTTPSender
    let timeout: Duration
    let clock: any WallClock

    func send(_ request: HTTPOutgoingRequest, network: String,
              errorMessage: (HTTPFetchResponse) -> String? = ChannelHTTP.genericMessage,
              failure: (HTTPFetchResponse) -> ChannelFailure? = { _ in nil }) async throws(ChannelFailure) -> HTTPFetchResponse {
        let response: HTTPFetchResponse
        do {
            response = try await sender.send(request, timeout: timeout)
        } catch {
            switch error {
            case .notSent(_, let message): throw .unavailable("\(network) could not be reached: \(message)")
            case .noAnswer(_, let message): throw .noAnswer("\(network) did not answer: \(message)")
            }
        }
        if response.isSuccess { return response }
        if let failure = failure(response) { throw failure }
        let said = errorMessage(response).map { ": \($0)" } ?? ""
        switch response.status {
        case 401: throw .unauthorized("\(network) refused the token (401)\(said)")
        case 429: throw .throttled("\(network) is throttling (429)\(said)", retryAfter: retryAfter(response))
        case 408, 500...599: throw .unavailable("\(network) failed (\(response.status))\(said)")
        default: throw .rejected("\(network) refused the post (\(response.status))\(said)")
        }
    }

    /// `Retry-After`, or Mastodon's `X-RateLimit-Reset` time.
    func retryAfter(_ response: HTTPFetchResponse) -> Duration? {
        if let delay = response.retryAfter(now: clock.now()) { return delay }
        if let reset = response.headers["x-ratelimit-reset"], let date = Timestamps.parse(reset) {
            return .seconds(max(0, Int(date.timeIntervalSince(clock.now()).rounded(.up))))
        }
        return nil
    }

    /// A JSON object's `message` or `error` (a string, or an object with a `message`), else short text.
    static func genericMessage(_ response: HTTPFetchResponse) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            if let message = object["message"] as? String { return message }
            if let error = object["error"] as? String { return error }
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
        }
        let text = String(decoding: response.body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || text.hasPrefix("<") ? nil : text
    }

    static func json(_ response: HTTPFetchResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:]
    }

    static func url(_ base: String, _ path: String, query: [(String, String)] = []) throws(ChannelFailure) -> URL {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        guard var components = URLComponents(string: trimmed + path), components.scheme == "https" || components.scheme == "http" else {
            throw .rejected("the channel's address \(base) is not an http(s) URL")
        }
        if !query.isEmpty { components.queryItems = (components.queryItems ?? []) + query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        // `+` in a query value is a space to most servers.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.url else { throw .rejected("the channel's address \(base) is not a URL") }
        return url
    }
}

extension Channel {
    /// A secret the adapter cannot work without.
    func required(_ value: String?, _ name: String) throws(ChannelFailure) -> String {
        guard let value, !value.isEmpty else { throw .rejected("the channel has no \(name); connect it again") }
        return value
    }
}

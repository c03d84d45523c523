import Domain
import Foundation
import Platform

/// The HTTP side every adapter shares: the client-side rate limit, the deadline, and turning statuses
/// into `ProviderError`s (429 and 503 with `Retry-After` are throttling; other non-2xx are failures).
public struct ProviderHTTP: Sendable {
    public let fetcher: any HTTPFetcher
    public let limiters: RateLimiters
    public let timeout: Duration
    public let clock: any WallClock

    public init(fetcher: any HTTPFetcher, limiters: RateLimiters = RateLimiters(rate: 5, burst: 10),
                timeout: Duration = .seconds(20), clock: any WallClock = SystemWallClock()) {
        self.fetcher = fetcher
        self.limiters = limiters
        self.timeout = timeout
        self.clock = clock
    }

    /// The body of a successful answer from `url`.
    public func get(_ url: URL, accept: String = "application/json") async throws -> Data {
        try await limiters.limiter(for: (url.host ?? "") + (url.port.map { ":\($0)" } ?? "")).acquire()
        let response: HTTPFetchResponse
        do {
            response = try await fetcher.get(url, headers: ["Accept": accept], timeout: timeout)
        } catch let error as HTTPFetchError {
            throw ProviderError.unreachable(error.description)
        }
        if response.status == 429 || (response.status == 503 && response.headers["retry-after"] != nil) {
            throw ProviderError.throttled(retryAfter: response.retryAfter(now: clock.now()))
        }
        guard response.isSuccess else { throw ProviderError.httpStatus(response.status, url: url.absoluteString) }
        return response.body
    }

    /// `base` (the source's `--base-url`, or the provider's public endpoint) joined with `path` and `query`.
    public static func url(base: String, path: String, query: [(String, String)] = []) throws -> URL {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        guard var components = URLComponents(string: trimmed + path),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https", components.host != nil else {
            throw ProviderError.misconfigured("'\(base)' is not an http(s) base URL")
        }
        if !query.isEmpty { components.queryItems = (components.queryItems ?? []) + query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components.url else { throw ProviderError.misconfigured("cannot build a URL from '\(base)'") }
        return url
    }

    /// A path segment with everything but unreserved characters percent-encoded (board tokens, site names).
    public static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

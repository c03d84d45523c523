import Foundation

/// Fetches documents over HTTP: what provider adapters, webhooks and feeds need from a client.
///
/// A response with any status is returned, not thrown: adapters decide what a 404 or a 429 means
/// for their provider. Only transport failures (refused, reset, timed out, too large) throw.
public protocol HTTPFetcher: Sendable {
    func get(_ url: URL, headers: [String: String], timeout: Duration) async throws -> HTTPFetchResponse
}

extension HTTPFetcher {
    public func get(_ url: URL, timeout: Duration) async throws -> HTTPFetchResponse {
        try await get(url, headers: [:], timeout: timeout)
    }
}

public struct HTTPFetchResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// `Retry-After` as a delay: delta-seconds or an HTTP date (RFC 9110 §10.2.3), never negative.
    public func retryAfter(now: Date) -> Duration? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }
}

/// A transport failure: nothing usable came back.
public enum HTTPFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case timedOut(url: String)
    case tooLarge(url: String, limit: Int)
    case transport(url: String, message: String)

    public var description: String {
        switch self {
        case .timedOut(let url): "no complete answer from \(url) in time"
        case .tooLarge(let url, let limit): "the answer from \(url) is larger than \(limit) bytes"
        case .transport(let url, let message): "could not fetch \(url): \(message)"
        }
    }
}

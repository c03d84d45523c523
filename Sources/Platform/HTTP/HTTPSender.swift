import Foundation

/// Sends requests with a body (webhooks, publishing APIs, OAuth token endpoints).
///
/// Like `HTTPFetcher`, any status is returned, not thrown. Transport failures are told apart by what the
/// receiver may have seen: `HTTPSendError.notSent` when no connection was made (safe to send again),
/// `HTTPSendError.noAnswer` when the request may have arrived but no answer came back.
public protocol HTTPSender: Sendable {
    func send(_ request: HTTPOutgoingRequest, timeout: Duration) async throws(HTTPSendError) -> HTTPFetchResponse
}

public struct HTTPOutgoingRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data

    public init(method: String = "POST", url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A JSON body from an encodable value.
    public static func json(_ method: String = "POST", url: URL, headers: [String: String] = [:], _ value: some Encodable) throws -> Self {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers["Content-Type"] = "application/json"
        return Self(method: method, url: url, headers: headers, body: try encoder.encode(value))
    }

    /// An `application/x-www-form-urlencoded` body, fields in the order given.
    public static func form(_ method: String = "POST", url: URL, headers: [String: String] = [:], _ fields: [(String, String)]) -> Self {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return Self(method: method, url: url, headers: headers, body: Data(body.utf8))
    }

    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value).replacingOccurrences(of: "%20", with: "+")
    }
}

public enum HTTPSendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection was made: the receiver cannot have seen the request.
    case notSent(url: String, message: String)
    /// The request may have been received; what became of it is unknown.
    case noAnswer(url: String, message: String)

    public var description: String {
        switch self {
        case .notSent(let url, let message): "could not connect to \(url): \(message)"
        case .noAnswer(let url, let message): "no answer from \(url): \(message)"
        }
    }
}

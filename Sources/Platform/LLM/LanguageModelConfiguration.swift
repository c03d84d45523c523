import Foundation

/// Which OpenAI-compatible chat-completions service to call, and how long to wait for it.
public struct LanguageModelConfiguration: Sendable, CustomStringConvertible {
    /// The API's base URL, the part before `/chat/completions`: `https://api.openai.com/v1`, `http://localhost:11434/v1`.
    public var url: URL
    /// Sent as `Authorization: Bearer <key>`; local servers often need none.
    public var apiKey: String?
    public var model: String
    /// The most one completion may take, from connecting to the last byte; a request still running then is abandoned.
    public var timeout: Duration

    public init(url: URL, apiKey: String? = nil, model: String, timeout: Duration = .seconds(5)) {
        self.url = url
        self.apiKey = apiKey
        self.model = model
        self.timeout = timeout
    }

    /// Without the key, so a configuration can be logged.
    public var description: String {
        "LanguageModelConfiguration(url: \(url.absoluteString), apiKey: \(apiKey == nil ? "none" : "set"), model: \(model), timeout: \(timeout))"
    }
}

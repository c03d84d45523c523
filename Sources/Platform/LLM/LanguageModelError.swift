/// Why a completion failed. No case carries the API key: text taken from the service's answer has it
/// removed first, since some services quote the key they refused.
public enum LanguageModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No complete answer within the configured timeout.
    case timedOut(after: Duration)
    /// No answer at all: the service refused or dropped the connection, or TLS failed.
    case unreachable(reason: String)
    /// The service answered with an error status; `message` is its `error.message` when it sent one.
    case rejected(status: Int, message: String?)
    /// A success status with a body that is not a chat completion, or one without any text.
    case malformedResponse(reason: String)

    /// Whether trying again later can help: a timeout, a dropped connection, throttling or a server failure.
    public var isTransient: Bool {
        switch self {
        case .timedOut, .unreachable: true
        case .rejected(let status, _): status == 429 || status >= 500
        case .malformedResponse: false
        }
    }

    public var description: String {
        switch self {
        case .timedOut(let after): "the language model did not answer within \(after)"
        case .unreachable(let reason): "could not reach the language model: \(reason)"
        case .rejected(let status, let message): "the language model answered \(status)" + (message.map { ": \($0)" } ?? "")
        case .malformedResponse(let reason): "the language model's answer is not a usable chat completion: \(reason)"
        }
    }
}

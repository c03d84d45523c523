/// Why an S3 request failed, other than "no such key" (that is `BlobStoreError.notFound`). It never
/// carries the secret access key or the request's signature.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service answered `operation` (e.g. `PUT bucket/key`) with an error status; `code` and
    /// `message` come from its XML error document (`AccessDenied`, `SignatureDoesNotMatch`, ...) when it sent one.
    case rejected(operation: String, status: Int, code: String?, message: String?)
    /// No complete answer within the configured timeout.
    case timedOut(operation: String)
    /// The object is larger than the store's `maximumObjectSize`.
    case tooLarge(operation: String, limit: Int)
    /// No answer at all: the endpoint refused or dropped the connection, or TLS failed.
    case unreachable(operation: String, reason: String)

    public var status: Int? {
        if case .rejected(_, let status, _, _) = self { status } else { nil }
    }

    public var code: String? {
        if case .rejected(_, _, let code, _) = self { code } else { nil }
    }

    /// Whether trying again later can help: throttling, a server-side failure, a timeout or a dropped
    /// connection can pass; a refused signature or a missing bucket does not.
    public var isTransient: Bool {
        switch self {
        case .rejected(_, let status, _, _): status == 429 || status >= 500
        case .timedOut, .unreachable: true
        case .tooLarge: false
        }
    }

    public var description: String {
        switch self {
        case .rejected(let operation, let status, let code, let message):
            "S3 answered \(operation) with \(status)" + (code.map { " \($0)" } ?? "") + (message.map { ": \($0)" } ?? "")
        case .tooLarge(let operation, let limit): "the object of \(operation) is larger than \(limit) bytes"
        case .timedOut(let operation): "S3 did not complete \(operation) in time"
        case .unreachable(let operation, let reason): "could not reach S3 for \(operation): \(reason)"
        }
    }
}

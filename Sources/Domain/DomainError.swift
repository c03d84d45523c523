/// A failure a use case reports in domain terms; the HTTP edge maps each case to a status code.
public enum DomainError: Error, Sendable, Equatable {
    /// The input is malformed (maps to 400).
    case badRequest(String, fieldErrors: [FieldError] = [])
    /// The input is well-formed but breaks a rule (maps to 422).
    case invalid(String, fieldErrors: [FieldError])
    case unauthorized(String)
    case forbidden(String)
    case notFound(String)
    case conflict(String)
    /// A dependency (database, provider) is down; the request may succeed later (maps to 503).
    case unavailable(String)
    /// Too many attempts; the client may try again after `retryAfter` seconds (maps to 429).
    case tooManyRequests(String, retryAfter: Int)
    /// The upload is larger than the use case accepts (maps to 413).
    case tooLarge(String)
    /// The content is of a kind the use case does not read (maps to 415).
    case unsupportedMediaType(String)
}

/// One problem with one input field, named as the client sent it (snake_case).
public struct FieldError: Sendable, Equatable, Codable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

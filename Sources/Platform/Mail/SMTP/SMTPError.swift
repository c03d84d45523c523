/// Why `SMTPMailer` could not deliver a message, with the server's own reply where there was one.
///
/// `isTransient` tells a queued task whether trying again later can help: a 4xx reply, a refused or
/// broken connection and a timeout can; a 5xx reply (a rejected address, wrong credentials) and a
/// setup the server cannot meet (no STARTTLS, no shared AUTH mechanism, a certificate not trusted) cannot.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection to the server.
    case connectionFailed(host: String, port: Int, reason: String)
    /// The connection closed or broke while waiting for the reply to `step`.
    case connectionLost(step: String, reason: String)
    /// No reply to `step` within the reply timeout.
    case timedOut(step: String)
    /// The server answered `step` with a code other than the one that lets the exchange go on.
    case rejected(step: String, code: Int, text: String)
    /// The server refused the credentials (or the mechanism) with this reply.
    case authenticationFailed(code: Int, text: String)
    /// Credentials are configured but the server offers no mechanism this client speaks (PLAIN, LOGIN).
    case noCommonAuthMechanism(offered: [String])
    /// STARTTLS is required, or credentials would otherwise go out unencrypted, and the server does not offer it.
    case startTLSUnavailable
    /// The TLS handshake failed: an untrusted certificate, a name mismatch, no common protocol.
    case tlsFailed(reason: String)
    /// The server sent something that is not an SMTP reply.
    case malformedReply(String)

    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .connectionLost, .timedOut: true
        case .rejected(_, let code, _), .authenticationFailed(let code, _): (400..<500).contains(code)
        case .noCommonAuthMechanism, .startTLSUnavailable, .tlsFailed, .malformedReply: false
        }
    }

    public var isPermanent: Bool { !isTransient }

    /// The server's reply code, when the error is a reply.
    public var replyCode: Int? {
        switch self {
        case .rejected(_, let code, _), .authenticationFailed(let code, _): code
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let host, let port, let reason): "could not connect to the SMTP server \(host):\(port): \(reason)"
        case .connectionLost(let step, let reason): "the SMTP connection ended while waiting for the reply to \(step): \(reason)"
        case .timedOut(let step): "the SMTP server did not reply to \(step) in time"
        case .rejected(let step, let code, let text): "the SMTP server answered \(step) with \(code) \(text)"
        case .authenticationFailed(let code, let text): "the SMTP server refused the credentials: \(code) \(text)"
        case .noCommonAuthMechanism(let offered):
            "the SMTP server offers no AUTH mechanism this client speaks (PLAIN, LOGIN); it offers: \(offered.isEmpty ? "none" : offered.joined(separator: " "))"
        case .startTLSUnavailable: "the SMTP server does not offer STARTTLS, which the configuration requires"
        case .tlsFailed(let reason): "the TLS handshake with the SMTP server failed: \(reason)"
        case .malformedReply(let line): "the SMTP server sent a line that is not a reply: \(line)"
        }
    }
}

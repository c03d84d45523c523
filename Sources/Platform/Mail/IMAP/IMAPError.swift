/// Why `IMAPClient` could not read a mailbox. Each case carries what the user (or the operator) needs
/// to put it right: the server's own text where there is one. Credentials appear in none of them.
public enum IMAPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection to the server, or the connection ended before the conversation did.
    case unreachable(String)
    /// The TLS handshake failed (an untrusted certificate, a name mismatch, no common protocol), or
    /// the server does not offer STARTTLS when the configuration asks for it.
    case tls(String)
    /// The server refused the user name and password, or offers no way to log in.
    case authenticationFailed(String)
    /// The server has no folder of that name (or refuses to open it).
    case folderNotFound(String)
    /// The server sent something this client cannot read as IMAP, or refused a command it should accept.
    case protocolViolation(String)
    /// A network step took longer than the configured timeout.
    case timedOut

    public var description: String {
        switch self {
        case .unreachable(let reason): "the IMAP server cannot be reached: \(reason)"
        case .tls(let reason): "TLS with the IMAP server failed: \(reason)"
        case .authenticationFailed(let reason): "the IMAP server refused the login: \(reason)"
        case .folderNotFound(let reason): "the IMAP folder cannot be opened: \(reason)"
        case .protocolViolation(let reason): "the IMAP server's answer cannot be used: \(reason)"
        case .timedOut: "the IMAP server did not answer in time"
        }
    }
}

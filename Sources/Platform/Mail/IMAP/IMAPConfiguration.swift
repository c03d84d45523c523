import Foundation

/// Which IMAP server and mailbox folder `IMAPClient` reads, as whom, and how the connection is
/// protected. One per connected mailbox.
public struct IMAPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable, Codable {
        /// TLS from the first byte (imaps, usually port 993).
        case tls
        /// A plain connection upgraded with STARTTLS before anything is sent (usually port 143). A
        /// server that does not offer STARTTLS is an error: credentials never go out unencrypted.
        case startTLS
        /// Never encrypted. Only for a test server on the loopback interface.
        case plain
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String
    public var password: String
    /// The folder to read, as the user sees its name ("INBOX", "Bewerbungen", "Jobs/Ångebot"); the
    /// client encodes it for the wire.
    public var folder: String
    /// A CA certificate (or a self-signed server certificate) in PEM, trusted in addition to the
    /// system's roots: for a self-hosted server, and for tests.
    public var trustedRootCertificatesPEM: String?
    /// How long each network step may take: connecting, the TLS handshake, each response awaited.
    public var timeout: Duration

    public init(host: String, port: Int = 993, security: Security = .tls, username: String, password: String,
                folder: String = "INBOX", trustedRootCertificatesPEM: String? = nil, timeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
        self.trustedRootCertificatesPEM = trustedRootCertificatesPEM
        self.timeout = timeout
    }
}

extension IMAPConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    /// For logs: the server, the security, the user and folder, never the password.
    public var description: String {
        let scheme = security == .tls ? "imaps" : "imap"
        return "\(scheme)://\(username)@\(host):\(port)/\(folder) (\(security.rawValue))"
    }

    /// The same as `description`, so that neither `print` nor `debugPrint` of a configuration shows the password.
    public var debugDescription: String { description }
}

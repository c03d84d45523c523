import Foundation

/// Where and how `SMTPMailer` delivers: the server, whether and how the connection is encrypted,
/// whom to trust, and the account to authenticate as. Usually read from a URL (`init(url:)`).
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        /// Never encrypted (`starttls=false`). Only for a relay on a trusted network or a test server.
        case plain
        /// STARTTLS when the server offers it (`starttls=true`, the default for `smtp://`).
        case startTLSWhenOffered
        /// STARTTLS or nothing: a server that does not offer it is an error (`starttls=required`).
        case startTLSRequired
        /// TLS from the first byte (`smtps://`, usually port 465).
        case implicitTLS
    }

    /// Which certificates the client accepts.
    public enum Trust: Sendable, Equatable {
        /// The operating system's root certificates.
        case systemRoots
        /// Only certificates issued by the CA (or self-signed certificate) in this PEM file.
        case certificateFile(String)
        /// Any certificate at all: encrypted but unauthenticated. For tests only.
        case noVerification
    }

    public struct Credentials: Sendable, Equatable, CustomStringConvertible {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        /// The password never appears in logs or errors.
        public var description: String { "\(username):***" }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var credentials: Credentials?
    /// The name sent with EHLO; without one, the client's own address as a literal (`[192.0.2.1]`).
    public var heloName: String?
    public var trust: Trust
    public var connectTimeout: Duration
    /// How long to wait for each reply, the TLS handshake included.
    public var replyTimeout: Duration

    public init(host: String, port: Int, security: Security = .startTLSWhenOffered, credentials: Credentials? = nil,
                heloName: String? = nil, trust: Trust = .systemRoots, connectTimeout: Duration = .seconds(10),
                replyTimeout: Duration = .seconds(60)) {
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.heloName = heloName
        self.trust = trust
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// For logs: the server and the security, the user without the password.
    public var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = credentials.map { "\($0.username)@" } ?? ""
        return "\(scheme)://\(user)\(host):\(port) (\(security.rawValue))"
    }
}

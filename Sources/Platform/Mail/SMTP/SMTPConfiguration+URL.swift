import Foundation

extension SMTPConfiguration {
    /// Reads a URL such as `WAYFINDER_SMTP_URL` holds:
    ///
    /// - `smtp://host:25`, `smtp://user:pass@host:587?starttls=required`, `smtps://user:pass@host:465`
    /// - user and password are percent-decoded (write `@` as `%40`, `:` as `%3A`);
    /// - `starttls=true|false|required` (smtp only; default `true`, meaning when offered);
    /// - `helo=name`, `ca_file=/path/to/ca.pem`, `tls_verify=false` (tests only).
    ///
    /// The port defaults to 25 for smtp and 465 for smtps. Unknown parameters are errors, so a typo
    /// does not silently weaken the connection.
    public init(url text: String) throws(SMTPConfigurationError) {
        guard let url = URLComponents(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased() else {
            throw SMTPConfigurationError("it is not a URL; expected smtp://[user:password@]host[:port] or smtps://…")
        }
        guard scheme == "smtp" || scheme == "smtps" else {
            throw SMTPConfigurationError("the scheme must be smtp or smtps, not \(scheme)")
        }
        guard let host = url.host, !host.isEmpty else { throw SMTPConfigurationError("the host is missing") }
        guard url.path.isEmpty || url.path == "/" else { throw SMTPConfigurationError("an SMTP URL has no path, but it has \(url.path)") }
        let port = url.port ?? (scheme == "smtps" ? 465 : 25)
        guard (1...65_535).contains(port) else { throw SMTPConfigurationError("the port \(port) is out of range") }

        var credentials: Credentials?
        if let user = url.user, !user.isEmpty {
            credentials = Credentials(username: user, password: url.password ?? "")
        } else if url.password != nil {
            throw SMTPConfigurationError("a password is given without a user name")
        }

        var security: Security = scheme == "smtps" ? .implicitTLS : .startTLSWhenOffered
        var heloName: String?
        var trust = Trust.systemRoots
        for item in url.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "starttls":
                guard scheme == "smtp" else { throw SMTPConfigurationError("starttls applies to smtp://; smtps:// is encrypted from the start") }
                switch value.lowercased() {
                case "true": security = .startTLSWhenOffered
                case "false": security = .plain
                case "required": security = .startTLSRequired
                default: throw SMTPConfigurationError("starttls must be true, false or required, not '\(value)'")
                }
            case "helo":
                guard !value.isEmpty, !value.contains(" ") else { throw SMTPConfigurationError("helo must be a host name, not '\(value)'") }
                heloName = value
            case "ca_file":
                guard !value.isEmpty else { throw SMTPConfigurationError("ca_file must name a PEM file") }
                if trust == .noVerification { throw SMTPConfigurationError("ca_file and tls_verify=false contradict each other") }
                trust = .certificateFile(value)
            case "tls_verify":
                switch value.lowercased() {
                case "true": break
                case "false":
                    if case .certificateFile = trust { throw SMTPConfigurationError("ca_file and tls_verify=false contradict each other") }
                    trust = .noVerification
                default: throw SMTPConfigurationError("tls_verify must be true or false, not '\(value)'")
                }
            default:
                throw SMTPConfigurationError("unknown parameter '\(item.name)'; known: starttls, helo, ca_file, tls_verify")
            }
        }
        self.init(host: host, port: port, security: security, credentials: credentials, heloName: heloName, trust: trust)
    }
}

/// Why an SMTP URL was not accepted. It never repeats the URL, which may hold a password.
public struct SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { "invalid SMTP URL: \(reason)" }
}

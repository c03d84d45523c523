import Configuration
import Foundation

/// Settings of accounts, mail and request limits (`WAYFINDER_*` as for every setting).
public struct AccountSettings: Sendable {
    /// Every link in a mail starts with this (`WAYFINDER_PUBLIC_URL`); by default the server's own address.
    public var publicURL: String?
    /// `smtp://user:pass@host:587?starttls=true`; without it mail is written to `<data dir>/mail/`.
    public var smtpURL: String?
    public var mailFrom: String = "wayfinder@localhost"
    /// The HMAC key of access tokens; without it (and without a key file) one is generated in the data directory.
    public var jwtSecret: String?
    public var jwtSecretFile: String?
    /// The AES-GCM key (base64 of 32 bytes) that seals TOTP secrets; generated in the data directory when absent.
    public var secretKey: String?
    public var bcryptCost: Int = 11
    public var oidcIssuer: String?
    public var oidcJWKSURL: String?
    public var oidcAudience: String?
    public var anonymousRatePerMinute: Int = 100
    public var userRatePerSecond: Int = 50
    /// Servers behind one load balancer; each admits its share of every rate limit.
    public var rateLimitProcesses: Int = 1
    /// Proxies whose `X-Forwarded-For` names the client (addresses or CIDR blocks, comma-separated).
    public var trustedProxies: [String] = []

    public init() {}

    public enum Key: String, CaseIterable, Sendable {
        case publicURL = "wayfinder.public.url"
        case smtpURL = "wayfinder.smtp.url"
        case mailFrom = "wayfinder.mail.from"
        case jwtSecret = "wayfinder.jwt.secret"
        case jwtSecretFile = "wayfinder.jwt.secret.file"
        case secretKey = "wayfinder.secret.key"
        case bcryptCost = "wayfinder.bcrypt.cost"
        case oidcIssuer = "wayfinder.oidc.issuer"
        case oidcJWKSURL = "wayfinder.oidc.jwks.url"
        case oidcAudience = "wayfinder.oidc.audience"
        case anonymousRate = "wayfinder.rate.anonymous"
        case userRate = "wayfinder.rate.user"
        case rateProcesses = "wayfinder.rate.processes"
        case trustedProxies = "wayfinder.trusted.proxies"

        var isSecret: Bool { self == .smtpURL || self == .jwtSecret || self == .secretKey }
    }

    /// The environment names of the secrets, so the configuration reader redacts them.
    static let secretVariables = ["WAYFINDER_SMTP_URL", "WAYFINDER_JWT_SECRET", "WAYFINDER_SECRET_KEY"]

    static func read(from config: ConfigReader) throws -> AccountSettings {
        func string(_ key: Key) -> String? {
            config.string(forKey: ConfigKey(key.rawValue), isSecret: key.isSecret).flatMap { $0.isEmpty ? nil : $0 }
        }
        func integer(_ key: Key, _ range: ClosedRange<Int>, _ what: String) throws -> Int? {
            guard let text = string(key) else { return nil }
            guard let value = Int(text), range.contains(value) else { throw SettingsError("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)") }
            return value
        }
        var settings = AccountSettings()
        settings.publicURL = string(.publicURL)
        if let url = settings.publicURL, URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw SettingsError("public URL must be an http:// or https:// URL")
        }
        settings.smtpURL = string(.smtpURL)
        settings.mailFrom = string(.mailFrom) ?? settings.mailFrom
        settings.jwtSecret = string(.jwtSecret)
        if let secret = settings.jwtSecret, secret.utf8.count < 32 { throw SettingsError("JWT secret must be at least 32 characters") }
        settings.jwtSecretFile = string(.jwtSecretFile)
        settings.secretKey = string(.secretKey)
        if let key = settings.secretKey, Data(base64Encoded: key)?.count != 32 { throw SettingsError("secret key must be the base64 of 32 bytes") }
        settings.bcryptCost = try integer(.bcryptCost, 4...16, "bcrypt cost") ?? settings.bcryptCost
        settings.oidcIssuer = string(.oidcIssuer)
        settings.oidcJWKSURL = string(.oidcJWKSURL)
        settings.oidcAudience = string(.oidcAudience)
        settings.anonymousRatePerMinute = try integer(.anonymousRate, 1...1_000_000, "anonymous rate (requests per minute)") ?? settings.anonymousRatePerMinute
        settings.userRatePerSecond = try integer(.userRate, 1...1_000_000, "user rate (requests per second)") ?? settings.userRatePerSecond
        settings.rateLimitProcesses = try integer(.rateProcesses, 1...1_000, "rate-limit processes") ?? settings.rateLimitProcesses
        settings.trustedProxies = (string(.trustedProxies) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return settings
    }
}

import Accounts
import Domain
import Foundation
import HTTPAPI
import JobPostings
import Logging
import Platform
import Search
import Storage

/// Accounts: identity, API keys, profiles, saved searches and their alerts.
public struct AccountsFeature: Sendable {
    public let api: AccountsAPI
    public let administration: UserAdministration
    public let alerts: SendSearchAlertsTask
    public let rateLimits: RateLimits
    public let trustedProxies: TrustedProxies
    /// The schedule that sends alert digests: every minute, so "instant" means within a minute, and an
    /// import that finishes within one gives one digest rather than one per write batch.
    static let alertSchedule = "* * * * *"

    init(store: any SQLStore, postings: SQLJobPostingRepository, work: inout BackgroundWorkFeature, mail: MailFeature,
         http: any HTTPFetcher, settings: Settings, clock: any WallClock, logger: Logger) async throws {
        let accounts = settings.accounts
        let users = SQLUserRepository(store: store), sessions = SQLSessionRepository(store: store)
        let keys = SQLAPIKeyRepository(store: store), searches = SQLSavedSearchRepository(store: store)
        let savedJobs = SQLSavedJobRepository(store: store)
        let signer = await TokenSigner(secret: try Self.signingSecret(settings), clock: clock)
        let secretBox = SecretBox(key: try Self.sealingKey(settings))
        let publicURL = mail.publicURL
        let mailer = QueuedAccountMailer(queue: mail.queue, from: mail.from)
        var external: ExternalIdentityProvider?
        if let issuer = accounts.oidcIssuer {
            let timeout = settings.providerTimeout
            let fetcher: @Sendable (String) async throws -> Data = { address in
                guard let url = URL(string: address) else { throw SettingsError("OIDC JWKS URL '\(address)' is not a URL") }
                let response = try await http.get(url, timeout: timeout)
                guard response.isSuccess else { throw SettingsError("the identity provider answered \(response.status) for its keys") }
                return response.body
            }
            external = ExternalIdentityProvider(
                configuration: .init(issuer: issuer, jwksURL: accounts.oidcJWKSURL, audience: accounts.oidcAudience),
                clock: clock, fetchDocument: fetcher
            )
        }
        let passwords = BcryptPasswordHasher(cost: UInt8(accounts.bcryptCost))
        let identity = IdentityService(
            users: users, sessions: sessions, signer: signer, mailer: mailer, mails: AccountMails(publicURL: publicURL),
            throttle: AttemptThrottle(counter: SQLAttemptCounter(store: store), clock: clock), secretBox: secretBox, clock: clock,
            passwords: passwords, externalProvider: external
        )
        let unsubscribe = AlertUnsubscribe(signer: signer, searches: searches)
        api = AccountsAPI(
            identity: identity, apiKeys: APIKeyService(keys: keys, clock: clock),
            profiles: ProfileService(users: users, keys: keys, searches: searches, savedJobs: savedJobs, clock: clock),
            searches: SavedSearchService(searches: searches, feed: postings, clock: clock),
            administration: UserAdministration(users: users, sessions: sessions, clock: clock, passwords: passwords),
            unsubscribe: unsubscribe,
            savedJobs: SavedJobService(saved: savedJobs, postings: postings, clock: clock)
        )
        administration = api.administration
        alerts = SendSearchAlertsTask(
            searches: searches, users: users, feed: postings, makeIndex: { InvertedJobSearchIndex() },
            digests: AlertDigests(publicURL: publicURL, signer: signer), mailer: mailer, clock: clock,
            logger: Logger(label: "wayfinder.alerts")
        )
        rateLimits = RateLimits(
            anonymous: .perMinute(accounts.anonymousRatePerMinute), user: .perSecond(accounts.userRatePerSecond),
            processes: accounts.rateLimitProcesses
        )
        do {
            trustedProxies = try TrustedProxies(accounts.trustedProxies)
        } catch {
            throw SettingsError("trusted proxies: \(error)")
        }
        let alerts = alerts
        work.register(SendSearchAlertsTask.name) { _ in _ = try await alerts.run() }
        try await work.scheduler.register(name: SendSearchAlertsTask.name, cron: Self.alertSchedule,
                                          taskName: SendSearchAlertsTask.name, payload: Data("{}".utf8))
    }

    /// The configured secret, the configured key file, or a key generated once in the data directory.
    private static func signingSecret(_ settings: Settings) throws -> Data {
        if let secret = settings.accounts.jwtSecret { return Data(secret.utf8) }
        if let file = settings.accounts.jwtSecretFile {
            guard let data = FileManager.default.contents(atPath: file), data.count >= 32 else {
                throw SettingsError("the JWT secret file \(file) must hold at least 32 bytes")
            }
            return data
        }
        return try KeyFile.loadOrCreate("jwt-signing", in: settings.dataDirectory)
    }

    /// The AES-GCM key of everything sealed at rest (TOTP secrets, resume files).
    static func sealingKey(_ settings: Settings) throws -> Data {
        if let key = settings.accounts.secretKey, let data = Data(base64Encoded: key) { return data }
        return try KeyFile.loadOrCreate("secret-box", in: settings.dataDirectory)
    }
}

/// Account mail goes out as `send_mail` tasks, never inside the request.
struct QueuedAccountMailer: AccountMailer {
    let queue: MailQueue
    let from: MailAddress

    func send(_ mail: AccountMail) async throws {
        let message = MailMessage(
            from: from, to: [MailAddress(mail.to, name: mail.toName)], subject: mail.subject, text: mail.text, html: mail.html,
            headers: mail.headers.sorted { $0.key < $1.key }.map { MailHeader($0.key, $0.value) }
        )
        _ = try await queue.send(message, idempotencyKey: mail.idempotencyKey)
    }
}

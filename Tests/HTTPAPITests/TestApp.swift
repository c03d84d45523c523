import Domain
import Foundation
import HTTPAPI
import Hummingbird
import HummingbirdTesting
import JobPostings
import Logging
import Platform
import TestPeers
import WayfinderApp

/// Builds the real application on a private in-memory database, seeded with postings.
enum TestApp {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func posting(_ id: String, title: String, description: String = "Join our team.", location: String = "Berlin, Germany",
                        remote: Bool = false, salary: Int? = nil, postedDaysAgo: Double = 1, expiresInDays: Double = 30) -> JobPosting {
        JobPosting(
            jobID: "test#\(id)", providerID: "test", title: title, description: description, company: "Acme",
            location: location, remote: remote, employmentType: .fullTime, minSalary: salary,
            maxSalary: salary.map { $0 + 20_000 }, currency: salary == nil ? nil : "EUR",
            payInterval: salary == nil ? nil : .year, postedDate: now.addingTimeInterval(-postedDaysAgo * 86_400),
            applyURL: "https://acme.example/\(id)", expiresAt: now.addingTimeInterval(expiresInDays * 86_400), updatedAt: now
        )
    }

    static let postings: [JobPosting] = [
        posting("1", title: "Software Engineer", description: "Write Swift on the server.", salary: 60_000),
        posting("2", title: "Data Engineer", description: "Pipelines and SQL.", location: "Paris, France", remote: true, salary: 70_000, postedDaysAgo: 2),
        posting("3", title: "Nurse", description: "Care for patients.", location: "London, United Kingdom", postedDaysAgo: 3),
        posting("4", title: "Expired Engineer", description: "Gone.", postedDaysAgo: 50, expiresInDays: -2),
    ] + (5...34).map { posting("\($0)", title: "Support Engineer \($0)", postedDaysAgo: Double($0)) }

    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }

    /// The access token of the administrator every test app has (`admin@example.com`).
    @TaskLocal static var adminAccessToken: String?
    /// The access token of a verified candidate every test app has (`candidate@example.com`).
    @TaskLocal static var candidateAccessToken: String?
    static let adminPassword = "Admin-Pass-2026!"

    /// Settings for a test app: an in-memory database, a private data directory (mail lands in its
    /// `mail/` folder), fixed keys, the cheapest Bcrypt cost and no rate limits unless a test sets them.
    static func settings(_ adjust: (inout Settings) -> Void = { _ in }) -> Settings {
        let directory = Scratch.root.appendingPathComponent("wayfinder-http-\(UUID().uuidString)").path
        var settings = Settings(dataDirectory: directory, databaseURL: "sqlite::memory:")
        settings.accounts.jwtSecret = "test-signing-secret-of-at-least-32-bytes"
        settings.accounts.secretKey = Data(repeating: 7, count: 32).base64EncodedString()
        settings.accounts.bcryptCost = 4
        settings.accounts.publicURL = "https://wayfinder.test"
        settings.accounts.anonymousRatePerMinute = 1_000_000
        settings.accounts.userRatePerSecond = 1_000_000
        adjust(&settings)
        return settings
    }

    /// Services on a private in-memory database holding `postings`, with an administrator, closed after `body`.
    static func withServices<Value>(
        settings: Settings = TestApp.settings(), clock: any WallClock = AdjustableWallClock(TestApp.now),
        postings: [JobPosting] = TestApp.postings, _ body: (AppServices) async throws -> Value
    ) async throws -> Value {
        let services = try await AppServices.open(settings: settings, logger: logger, clock: clock)
        defer { try? FileManager.default.removeItem(atPath: settings.dataDirectory) }
        do {
            _ = try await services.repository.upsert(postings)
            try await services.catchUpIndex()
            _ = try await services.accounts.administration.createAdmin(email: "admin@example.com", password: adminPassword, name: "Admin")
            guard case .tokens(let pair) = try await services.accounts.api.identity.signIn(
                email: "admin@example.com", password: adminPassword, address: nil
            ) else { throw TestAppError.adminSignIn }
            let candidate = try await signedInUser(services, email: "candidate@example.com")
            let value = try await $adminAccessToken.withValue(pair.accessToken) {
                try await $candidateAccessToken.withValue(candidate) { try await body(services) }
            }
            await services.close()
            return value
        } catch {
            await services.close()
            throw error
        }
    }

    static func withClient<Value>(
        settings: Settings = TestApp.settings(), clock: any WallClock = AdjustableWallClock(TestApp.now),
        postings: [JobPosting] = TestApp.postings, _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await withServices(settings: settings, clock: clock, postings: postings) { services in
            let app = Application(router: buildRouter(services.apiDependencies), logger: logger)
            return try await app.test(.router, body)
        }
    }
}

enum TestAppError: Error { case adminSignIn }

extension TestApp {
    /// A verified account signed in through the identity service; answers its access token.
    static func signedInUser(_ services: AppServices, email: String, password: String = "Candidate-Pass-1!") async throws -> String {
        _ = try await services.accounts.administration.provision(email: email, password: password, name: "Test User", groups: [.candidate])
        return try await signIn(services, email: email, password: password)
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var problemFields: [String] {
        ((json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    var isProblem: Bool { headers[.contentType] == "application/problem+json" }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}

extension TestApp {
    /// Like `withClient`, with the services too (for mail, the clock, the queue).
    static func withServicesAndClient<Value>(
        settings: Settings = TestApp.settings(), clock: any WallClock = AdjustableWallClock(TestApp.now),
        postings: [JobPosting] = TestApp.postings, _ body: @Sendable (AppServices, any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await withServices(settings: settings, clock: clock, postings: postings) { services in
            let app = Application(router: buildRouter(services.apiDependencies), logger: logger)
            return try await app.test(.router) { client in try await body(services, client) }
        }
    }
}

extension TestApp {
    /// The application on a real socket (a free port on 127.0.0.1), for tests that need a peer address.
    static func live(_ services: AppServices) -> some ApplicationProtocol {
        Application(router: buildRouter(services.apiDependencies), configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
    }
}

extension AppServices {
    /// Runs the queued `send_mail` tasks as a worker would, so they land in `<data dir>/mail/`, and
    /// answers the messages read back from those files' tasks, oldest first.
    func deliverMail() async throws -> [MailMessage] {
        let queue = backgroundWork.queue
        let handler = SendMailTask.handler(mailer: mail.mailer)
        var delivered: [MailMessage] = []
        while true {
            let claimed = try await queue.claim(limit: 50, visibilityTimeout: .seconds(60), names: [SendMailTask.name])
            if claimed.isEmpty { return delivered }
            for task in claimed.sorted(by: { $0.id < $1.id }) {
                try await handler(task)
                _ = try await queue.complete(task)
                delivered.append(try task.decode(MailMessage.self))
            }
        }
    }
}

extension MailMessage {
    /// The first token-looking value after `marker` in the text (a link's `token=` parameter).
    func value(after marker: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        return String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." })
    }
}

extension AppServices: SignUpMail {
    func verificationToken(for email: String) async throws -> String? {
        try await deliverMail().last { $0.to.first?.address == email && $0.subject.contains("Confirm") }?.value(after: "token=")
    }
}

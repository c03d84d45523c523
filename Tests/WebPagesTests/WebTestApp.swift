import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JobPostings
import Logging
import Platform
import TestPeers
import WayfinderApp
import WebPages

/// The whole application (API and pages) on a private in-memory database.
enum WebTestApp {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func posting(_ id: String, title: String, description: String = "Join our team.", html: String? = nil,
                        location: String = "Berlin, Germany", remote: Bool = false, salary: Int? = nil) -> JobPosting {
        JobPosting(
            jobID: "test#\(id)", providerID: "test", title: title, description: description, descriptionHTML: html, company: "Acme",
            location: location, remote: remote, employmentType: .fullTime, minSalary: salary, maxSalary: salary.map { $0 + 20_000 },
            currency: salary == nil ? nil : "EUR", payInterval: salary == nil ? nil : .year, postedDate: now.addingTimeInterval(-86_400),
            applyURL: "https://acme.example/\(id)", expiresAt: now.addingTimeInterval(30 * 86_400), updatedAt: now
        )
    }

    static let postings = [
        posting("1", title: "Software Engineer", description: "Write Swift on the server.", salary: 60_000),
        posting("2", title: "Data Engineer", description: "Pipelines and SQL.", location: "Paris, France", remote: true, salary: 70_000),
        posting("3", title: "Nurse", description: "Care for patients.", location: "London, United Kingdom"),
    ] + (4...30).map { posting("\($0)", title: "Support Engineer \($0)") }

    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }

    static func withApp<Value>(postings: [JobPosting] = WebTestApp.postings,
                               _ body: @Sendable (AppServices, any TestClientProtocol) async throws -> Value) async throws -> Value {
        let directory = Scratch.root.appendingPathComponent("wayfinder-web-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var settings = Settings(dataDirectory: directory, databaseURL: "sqlite::memory:")
        settings.accounts.jwtSecret = "web-test-signing-secret-of-32-bytes-or-more"
        settings.accounts.secretKey = Data(repeating: 9, count: 32).base64EncodedString()
        settings.accounts.bcryptCost = 4
        settings.accounts.anonymousRatePerMinute = 1_000_000
        let services = try await AppServices.open(settings: settings, logger: logger, clock: AdjustableWallClock(now))
        do {
            _ = try await services.repository.upsert(postings)
            try await services.catchUpIndex()
            let router = buildRouter(services.apiDependencies)
            addWebRoutes(to: router, try await services.webDependencies())
            let value = try await Application(router: router, logger: logger).test(.router) { client in try await body(services, client) }
            await services.close()
            return value
        } catch {
            await services.close()
            throw error
        }
    }
}

/// A browser's cookie jar for router tests: remembers `Set-Cookie` and sends `Cookie`.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    var csrf: String? { cookies["wf_csrf"] }

    /// Signs in through the sign-in form, as a person would.
    func signIn(_ email: String, _ password: String, next: String = "/") async throws {
        _ = try await get("/signin")
        _ = try await post("/signin", [("email", email), ("password", password), ("next", next)])
    }
    var hasSession: Bool { !(cookies["wf_session"] ?? "").isEmpty }

    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        try await send(.get, uri, form: nil)
    }

    /// Posts a form; the CSRF field is added from the cookie unless `csrf` says otherwise.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], headers: [String: String] = [:], csrf: String?? = .none) async throws -> TestResponse {
        var all = fields
        switch csrf {
        case .none: if let token = self.csrf { all.append(("csrf", token)) }
        case .some(let token?): all.append(("csrf", token))
        case .some(nil): break
        }
        return try await send(.post, uri, form: all, headers: headers)
    }

    /// `headers` are a script's own (`X-Requested-With: fetch`).
    private func send(_ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]?, headers extra: [String: String] = [:]) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            body = ByteBuffer(string: form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if value.contains("Max-Age=0") { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        return response
    }
}

extension TestResponse {
    var html: String { String(buffer: body) }
}

extension AppServices {
    /// Delivers queued mail and answers the newest message's token (`token=` in a link).
    func mailedToken() async throws -> String? {
        let queue = backgroundWork.queue
        let handler = SendMailTask.handler(mailer: mail.mailer)
        var last: MailMessage?
        while case let claimed = try await queue.claim(limit: 20, visibilityTimeout: .seconds(60), names: [SendMailTask.name]), !claimed.isEmpty {
            for task in claimed {
                try await handler(task)
                _ = try await queue.complete(task)
                last = try task.decode(MailMessage.self)
            }
        }
        guard let text = last?.text, let range = text.range(of: "token=") else { return nil }
        return String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
}

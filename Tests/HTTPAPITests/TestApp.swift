import Domain
import Foundation
import HTTPAPI
import Hummingbird
import HummingbirdTesting
import JobPostings
import Logging
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

    /// Services on a private in-memory database holding `postings`, closed after `body`.
    static func withServices<Value>(
        adminToken: String? = nil, postings: [JobPosting] = TestApp.postings,
        _ body: (AppServices) async throws -> Value
    ) async throws -> Value {
        let settings = Settings(dataDirectory: "/nonexistent", databaseURL: "sqlite::memory:", adminToken: adminToken)
        let services = try await AppServices.open(settings: settings, logger: logger, clock: FixedWallClock(now))
        do {
            _ = try await services.repository.upsert(postings)
            try await services.catchUpIndex()
            let value = try await body(services)
            await services.close()
            return value
        } catch {
            await services.close()
            throw error
        }
    }

    static func withClient<Value>(
        adminToken: String? = nil, postings: [JobPosting] = TestApp.postings,
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await withServices(adminToken: adminToken, postings: postings) { services in
            let app = Application(router: buildRouter(services.apiDependencies), logger: logger)
            return try await app.test(.router, body)
        }
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

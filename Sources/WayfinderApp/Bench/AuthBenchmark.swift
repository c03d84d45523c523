import AsyncHTTPClient
import Foundation
import HTTPAPI
import Hummingbird
import Platform
import Logging
import NIOCore

/// `wayfinder bench auth`: what one Bcrypt hash costs at each work factor, then sign-in and
/// authenticated `GET /api/v1/users/me` throughput over local HTTP against the real router.
public struct AuthBenchmark: Sendable {
    public var bcryptCost: Int
    public var concurrency: Int
    public var seconds: Double
    public var databaseURL: String?

    public init(bcryptCost: Int, concurrency: Int, seconds: Double, databaseURL: String?) {
        self.bcryptCost = bcryptCost
        self.concurrency = concurrency
        self.seconds = seconds
        self.databaseURL = databaseURL
    }

    public func run(output: @escaping @Sendable (String) -> Void = { print($0) }) async throws {
        for cost in [10, 11, 12] {
            let started = ContinuousClock.now
            _ = BcryptPasswordHasher(cost: UInt8(cost)).hash("Bench-Pass-2026!")
            output(String(format: "bcrypt cost %d: %.0f ms per hash (one core)", cost, (ContinuousClock.now - started).seconds * 1_000))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-bench-auth-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        var settings = Settings(dataDirectory: directory, databaseURL: databaseURL)
        settings.accounts.bcryptCost = bcryptCost
        settings.accounts.anonymousRatePerMinute = 1_000_000_000
        settings.accounts.userRatePerSecond = 1_000_000_000
        let services = try await AppServices.open(settings: settings, logger: logger, index: .memory)
        defer { Task { await services.close() } }
        let users = (0..<max(concurrency, 4)).map { "bench\($0)@example.com" }
        for email in users {
            _ = try await services.accounts.administration.provision(email: email, password: "Bench-Pass-2026!", name: "Bench", groups: [.candidate])
        }
        let server = try await LocalServer.start(buildRouter(services.apiDependencies), logger: logger)
        defer { server.stop() }
        let base = server.base + "/api/v1"
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        output("\(databaseURL == nil ? "SQLite" : "PostgreSQL"), bcrypt cost \(bcryptCost), \(concurrency) concurrent clients, \(Int(seconds)) s per scenario")

        let signIn = try await load(client, clients: concurrency) { index in
            var request = HTTPClientRequest(url: "\(base)/auth/signin")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: #"{"email":"\#(users[index % users.count])","password":"Bench-Pass-2026!"}"#))
            return request
        }
        output(signIn.line("POST /auth/signin"))
        guard signIn.failures == 0 else {
            try await client.shutdown()
            return
        }

        var signedIn: [String] = []
        for email in users {
            if case .tokens(let pair) = try await services.accounts.api.identity.signIn(email: email, password: "Bench-Pass-2026!", address: nil) {
                signedIn.append(pair.accessToken)
            }
        }
        let tokens = signedIn
        let profile = try await load(client, clients: concurrency) { index in
            var request = HTTPClientRequest(url: "\(base)/users/me")
            request.headers.add(name: "Authorization", value: "Bearer \(tokens[index % tokens.count])")
            return request
        }
        output(profile.line("GET /users/me"))
        try await client.shutdown()
    }

    struct LoadResult {
        var recorder = LatencyRecorder()
        var failures = 0
        var elapsed: Double = 0

        func line(_ name: String) -> String {
            String(format: "%@: %.0f requests/s, %d failed; ", name, Double(recorder.samples.count) / max(elapsed, 0.001), failures)
                + recorder.summary("latency")
        }
    }

    /// `clients` loops sending requests back to back until the time is up.
    private func load(_ client: HTTPClient, clients: Int, request: @escaping @Sendable (Int) -> HTTPClientRequest) async throws -> LoadResult {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
        let started = ContinuousClock.now
        var total = LoadResult()
        try await withThrowingTaskGroup(of: LoadResult.self) { group in
            for worker in 0..<clients {
                group.addTask {
                    var result = LoadResult()
                    var index = worker
                    while ContinuousClock.now < deadline {
                        let sent = ContinuousClock.now
                        let response = try await client.execute(request(index), timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        if response.status == .ok { result.recorder.record(ContinuousClock.now - sent) } else { result.failures += 1 }
                        index += clients
                    }
                    return result
                }
            }
            for try await result in group {
                for sample in result.recorder.samples { total.recorder.record(.milliseconds(sample)) }
                total.failures += result.failures
            }
        }
        total.elapsed = (ContinuousClock.now - started).seconds
        return total
    }
}

import AsyncHTTPClient
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings
import Logging
import NIOCore
import WebPages

/// `wayfinder bench pages`: time to first byte of `/` (the benchmark query mix) and `/jobs/{id}` over
/// local HTTP against the real router, and what each page weighs with its stylesheet and script.
/// With `--data-dir` it uses (and keeps) that directory's database and index, such as one
/// `wayfinder bench search --postings 1000000 --data-dir D` left behind.
public struct PagesBenchmark: Sendable {
    public var postings: Int
    public var rounds: Int
    public var dataDirectory: String?

    public init(postings: Int, rounds: Int, dataDirectory: String?) {
        self.postings = postings
        self.rounds = rounds
        self.dataDirectory = dataDirectory
    }

    public func run(output: @escaping @Sendable (String) -> Void = { print($0) }) async throws {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-bench-pages-\(UUID().uuidString)").path
        defer { if dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        var settings = Settings(dataDirectory: directory)
        settings.accounts.anonymousRatePerMinute = 1_000_000_000
        let services = try await AppServices.open(settings: settings, logger: logger)
        defer { Task { await services.close() } }
        if try await services.repository.count() == 0 {
            output("adding \(postings) demo postings to \(directory)")
            try await DemoSeeder(services: services).seedIfEmpty(count: postings)
        }
        try await services.catchUpIndex()
        output("\(services.index.documentCount) postings searchable")
        let router = buildRouter(services.apiDependencies)
        addWebRoutes(to: router, try await services.webDependencies())
        let server = try await LocalServer.start(router, logger: logger)
        defer { server.stop() }
        let base = server.base

        var search = LatencyRecorder(), posting = LatencyRecorder()
        var searchBytes = 0, postingBytes = 0, jobLinks: [String] = []
        for round in 0..<(rounds + 1) {
            for query in BenchmarkQueries.all {
                let (ttfb, body) = try await Self.fetch(base + "/?" + query)
                guard round > 0 else { continue }  // the first round warms caches
                search.record(ttfb)
                searchBytes = max(searchBytes, body.utf8.count)
                if let link = body.range(of: #"href="/jobs/[^"]+""#, options: .regularExpression) {
                    jobLinks.append(String(body[link].dropFirst(6).dropLast()))
                }
            }
        }
        for link in jobLinks {
            let (ttfb, body) = try await Self.fetch(base + link)
            posting.record(ttfb)
            postingBytes = max(postingBytes, body.utf8.count)
        }
        let assets = try await services.webDependencies().assets
        let css = try await Self.fetch(base + assets.url("app.css")).1.utf8.count
        let script = try await Self.fetch(base + assets.url("app.js")).1.utf8.count
        output(search.summary("GET / time to first byte (\(BenchmarkQueries.all.count) queries × \(rounds))"))
        output(posting.summary("GET /jobs/{id} time to first byte"))
        output("weights: search page HTML up to \(searchBytes) B, posting page HTML up to \(postingBytes) B, CSS \(css) B, JS \(script) B; "
               + "heaviest page with assets \(max(searchBytes, postingBytes) + css + script) B")
    }

    /// Time until the response head arrived, and the body.
    private static func fetch(_ url: String) async throws -> (Duration, String) {
        let started = ContinuousClock.now
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let ttfb = ContinuousClock.now - started
        let body = try await response.body.collect(upTo: 16 << 20)
        guard response.status == .ok else { throw SettingsError("\(url) answered \(response.status)") }
        return (ttfb, String(buffer: body))
    }
}

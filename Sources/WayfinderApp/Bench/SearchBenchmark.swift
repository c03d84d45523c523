import AsyncHTTPClient
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings
import Logging
import Search
import ServiceLifecycle
import Storage

/// `wayfinder bench search`: imports N demo postings into a fresh database, builds the index, and
/// prints import and build throughput, index size, memory and search latency in-process and over HTTP.
public struct SearchBenchmark: Sendable {
    public var postings: Int
    public var rounds: Int
    public var overHTTP: Bool
    public var dataDirectory: String?
    public var showsEachQuery = false
    /// A PostgreSQL database to benchmark on instead of the embedded SQLite file.
    public var databaseURL: String?
    /// Search what an earlier run left in `dataDirectory` instead of importing and building again.
    public var reusesData = false
    /// With `reusesData`: drop the saved index and build it again from the database's change feed.
    public var rebuildsIndex = false
    /// Run only the queries of the mix that contain this text (for profiling one of them).
    public var onlyQueriesContaining: String?

    /// The query mix as URL query strings, narrowed by `onlyQueriesContaining`.
    var mix: [String] {
        BenchmarkQueries.all.filter { query in onlyQueriesContaining.map { query.contains($0) } ?? true }
    }

    public init(postings: Int, rounds: Int, overHTTP: Bool, dataDirectory: String?) {
        self.postings = postings
        self.rounds = rounds
        self.overHTTP = overHTTP
        self.dataDirectory = dataDirectory
    }

    public func run(output: @Sendable (String) -> Void = { print($0) }) async throws {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("wayfinder-bench-\(ProcessInfo.processInfo.processIdentifier)").path
        if !reusesData { try? FileManager.default.removeItem(atPath: directory) }
        if reusesData, rebuildsIndex { try? FileManager.default.removeItem(atPath: directory + "/index") }
        defer { if dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        var settings = Settings(dataDirectory: directory, databaseURL: databaseURL)
        // One client asks thousands of times a minute: far past what an anonymous visitor may.
        settings.accounts.anonymousRatePerMinute = 1_000_000_000
        let services = try await AppServices.open(settings: settings, logger: logger)
        do {
            try await prepareOrReuse(services, directory: directory, output: output)
            try await measure(services, output: output)
        } catch {
            await services.close()
            throw error
        }
        // A fresh `serve` opens the saved index only once no other process holds the data directory's index.
        await services.close()
        if overHTTP {
            try await ServeProcessBenchmark(dataDirectory: directory, databaseURL: databaseURL, mix: mix).run(output: output)
        }
    }

    private func prepareOrReuse(_ services: AppServices, directory: String, output: @Sendable (String) -> Void) async throws {
        guard reusesData else { return try await prepare(services, directory: directory, output: output) }
        let loading = ContinuousClock.now
        try await services.catchUpIndex()
        let seconds = (ContinuousClock.now - loading).seconds
        // As `serve` does on start: what was caught up is saved, so the fresh `serve` below opens it.
        services.persistIndex()
        output(String(format: "reusing %@: %d postings searchable, ready in %.2f s", directory, services.index.documentCount, seconds))
        if rebuildsIndex {
            let changes = services.index.appliedSequence
            output(String(format: "index build from the change feed: %.0f changes/s (%d changes, %d segments)",
                          Double(changes) / seconds, changes, services.index.segmentCount))
            output(Self.describe(services.index.buildTimes, of: seconds))
            try await saveAndReopen(services, directory: directory, output: output)
        }
    }

    /// Imports the corpus, builds, saves and reloads the index, printing each step's figures.
    private func prepare(_ services: AppServices, directory: String, output: @Sendable (String) -> Void) async throws {
        output("corpus: \(postings) demo postings; data directory \(directory)")
        let corpus = try DemoCorpus.bundled()
        let now = services.clock.now()
        var generation = Duration.zero
        var storing = Duration.zero
        // As `import jobs` does: each batch is prepared (fingerprints, skills) while the one before is written.
        var writer = OverlappingWriter(repository: services.repository)
        for start in stride(from: 0, to: postings, by: 5_000) {
            let generated = ContinuousClock.now
            let batch = (start..<min(start + 5_000, postings)).map { corpus.posting(number: $0, now: now) }
            let stored = ContinuousClock.now
            generation += stored - generated
            try await writer.write(batch)
            storing += ContinuousClock.now - stored
        }
        let finishing = ContinuousClock.now
        try await writer.finish()
        storing += ContinuousClock.now - finishing
        output(String(format: "import into \(databaseURL == nil ? "SQLite" : "PostgreSQL"): %.0f postings/s (%.1f s; generating the corpus took %.1f s more)",
                      Double(postings) / storing.seconds, storing.seconds, generation.seconds))

        let building = ContinuousClock.now
        try await services.follower.catchUp()
        let built = (ContinuousClock.now - building).seconds
        output(String(format: "index build from the change feed: %.0f postings/s (%.1f s, %d segments)",
                      Double(postings) / built, built, services.index.segmentCount))
        output(Self.describe(services.index.buildTimes, of: built))
        try await saveAndReopen(services, directory: directory, output: output)
    }

    /// Where a build of `seconds` went; the rest is reading the change feed and applying it.
    static func describe(_ times: IndexBuildTimes, of seconds: Double) -> String {
        String(format: "  of which reading skills %.1f s, building segments %.1f s, merging %.1f s, reading the change feed and the rest %.1f s",
               times.readingSkills.seconds, times.buildingSegments.seconds, times.merging.seconds, max(0, seconds - times.total.seconds))
    }

    /// Saves the index, then times opening it again as a restarting server would, and prints sizes.
    private func saveAndReopen(_ services: AppServices, directory: String, output: @Sendable (String) -> Void) async throws {
        let saving = ContinuousClock.now
        services.persistIndex()
        let saved = (ContinuousClock.now - saving).seconds
        let indexDirectory = URL(fileURLWithPath: directory).appendingPathComponent("index")
        let indexBytes = ((try? FileManager.default.contentsOfDirectory(atPath: indexDirectory.path)) ?? []).reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: indexDirectory.appendingPathComponent(name).path)[.size] as? Int) ?? 0)
        }
        let reopening = ContinuousClock.now
        let (reopened, outcome) = InvertedJobSearchIndex.open(
            directory: indexDirectory, source: try await AppServices.indexSource(services.store), skillTagger: SharedSkillTagger())
        try await JobIndexFollower(repository: services.repository, index: reopened).catchUp()
        let reopenSeconds = (ContinuousClock.now - reopening).seconds
        output(String(format: "index saved in %.1f s (%.1f MB on disk); restart to ready: %.2f s (%@, %d postings)",
                      saved, Double(indexBytes) / 1e6, reopenSeconds, "\(outcome)", reopened.documentCount))
        let databaseBytes = (try? FileManager.default.attributesOfItem(atPath: directory + "/wayfinder.sqlite")[.size] as? Int) ?? 0
        output(String(format: "index size: %.1f MB in memory (estimated); database file %.1f MB; process RSS %.1f MB",
                      Double(services.index.estimatedBytes) / 1e6, Double(databaseBytes) / 1e6,
                      Double(ProcessMemory.residentBytes()) / 1e6))
    }

    /// Runs the query mix in-process and over HTTP and prints latency percentiles.
    private func measure(_ services: AppServices, output: @Sendable (String) -> Void) async throws {
        let now = services.clock.now()
        let queries = try mix.map { try JobSearchQuery(urlQuery: $0) }
        var engine = LatencyRecorder(), service = LatencyRecorder()
        var perQuery = [LatencyRecorder](repeating: LatencyRecorder(), count: queries.count)
        var totals: [Int] = []
        for query in queries { totals.append(try await services.jobs.search(query).total) }
        for _ in 0..<rounds {
            for (number, query) in queries.enumerated() {
                let start = ContinuousClock.now
                _ = try services.index.search(query, now: now)
                engine.record(ContinuousClock.now - start)
                perQuery[number].record(ContinuousClock.now - start)
                let serviceStart = ContinuousClock.now
                _ = try await services.jobs.search(query)
                service.record(ContinuousClock.now - serviceStart)
            }
        }
        output("queries: \(queries.count) in the mix, \(rounds) rounds; totals per query: \(totals.map(String.init).joined(separator: " "))")
        output(engine.summary("search, index only (match, filter, facets, rank)"))
        if showsEachQuery {
            for (number, recorder) in perQuery.enumerated() {
                output(String(format: "  %6.2f ms p50  %@", recorder.percentile(50), mix[number]))
            }
        }
        output(service.summary("search, in-process (index + database fetch + highlights)"))
        if overHTTP {
            var logger = Logger(label: "wayfinder.bench.http")
            logger.logLevel = .warning
            let server = try await LocalServer.start(buildRouter(services.apiDependencies), logger: logger)
            defer { server.stop() }
            output(try await httpLatency(port: server.port).summary("search over HTTP (loopback, one keep-alive client)"))
            try await perHitCost(services, port: server.port, output: output)
        }
        output(String(format: "process RSS after searching: %.1f MB", Double(ProcessMemory.residentBytes()) / 1e6))
    }

    private func httpLatency(port: Int) async throws -> LatencyRecorder {
        try await LoopbackHTTPClient.onOwnThread(port: port) { [mix, rounds] client in
            var recorder = LatencyRecorder()
            for query in mix { try client.search(query) }
            for _ in 0..<rounds {
                for query in mix {
                    let start = ContinuousClock.now
                    try client.search(query)
                    recorder.record(ContinuousClock.now - start)
                }
            }
            return recorder
        }
    }

    /// GETs `url` and returns the body's size; anything but 200 is an error.
    static func get(_ url: String) async throws -> Int {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        guard response.status == .ok else { throw SettingsError("benchmark query failed with \(response.status): \(url)") }
        return body.readableBytes
    }
}

import Domain
import Foundation
import Hummingbird
import JobPostings
import Logging
import NIOCore

/// `wayfinder bench sync`: serves an Ashby-style board of N demo postings over local HTTP, syncs it
/// through the queue and the provider adapter, and times it until the postings are searchable; then
/// syncs it again (everything unchanged).
public struct SyncBenchmark: Sendable {
    public var postings: [Int]
    public var databaseURL: String?

    public init(postings: [Int], databaseURL: String?) {
        self.postings = postings
        self.databaseURL = databaseURL
    }

    public func run(output: @escaping @Sendable (String) -> Void = { print($0) }) async throws {
        for count in postings { try await measure(count, output: output) }
    }

    private func measure(_ count: Int, output: @escaping @Sendable (String) -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-bench-sync-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        let services = try await AppServices.open(settings: Settings(dataDirectory: directory, databaseURL: databaseURL), logger: logger, index: .memory)
        defer { Task { await services.close() } }
        let board = ByteBuffer(data: try SyncBenchmarkBoard.data(count: count, now: services.clock.now()))
        let router = Router()
        router.get("posting-api/job-board/bench") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: board))
        }
        let (port, portKnown) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: { channel in
            portKnown.yield(channel.localAddress?.port ?? 0)
        }, logger: logger)
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { serving.cancel() }
        var ports = port.makeAsyncIterator()
        guard let boardPort = await ports.next() else { return }
        let source = try await services.jobSources.service.add(.init(
            kind: "ashby", parameters: SourceParameters(board: "bench", baseURL: "http://127.0.0.1:\(boardPort)")
        ))
        output("\(count) postings, \(databaseURL == nil ? "SQLite" : "PostgreSQL"), board \(board.readableBytes / 1_048_576) MB over local HTTP")
        for pass in ["first sync", "second sync (unchanged)"] {
            let started = ContinuousClock.now
            let outcome = try await ForegroundSync(services: services).run(sourceIDs: [source.id])
            let synced = (ContinuousClock.now - started).seconds
            try await services.catchUpIndex()
            let searchable = (ContinuousClock.now - started).seconds
            guard let run = outcome.first?.lastRun, run.status == .succeeded else {
                output("\(pass): failed: \(outcome.first.map(SourceReport.line) ?? "no outcome")")
                return
            }
            output(String(format: "%@: synced in %.2f s (%.0f postings/s), searchable after %.2f s (%.0f postings/s): %@",
                          pass, synced, Double(count) / synced, searchable, Double(count) / searchable, SourceReport.counts(run)))
        }
    }

}

/// A board of demo postings in Ashby's posting-API shape, for benchmarks and process tests.
public enum SyncBenchmarkBoard {
    public static func data(count: Int, now: Date = Date()) throws -> Data {
        let corpus = try DemoCorpus.bundled()
        let jobs: [[String: Any]] = (0..<count).map { number in
            let posting = corpus.posting(number: number, now: now)
            var job: [String: Any] = [
                "id": "bench-\(number)", "title": posting.title, "location": posting.location, "isListed": true,
                "isRemote": posting.remote, "workplaceType": posting.remote ? "Remote" : "OnSite", "employmentType": "FullTime",
                "descriptionHtml": posting.descriptionHTML ?? posting.description,
                "publishedAt": Timestamps.format(posting.postedDate), "jobUrl": "https://jobs.example/bench/\(number)",
                "applyUrl": "https://jobs.example/bench/\(number)/apply",
            ]
            if let min = posting.minSalary, let max = posting.maxSalary, let currency = posting.currency {
                job["compensation"] = ["summaryComponents": [[
                    "compensationType": "Salary", "interval": "1 YEAR", "currencyCode": currency, "minValue": min, "maxValue": max,
                ]]]
            }
            return job
        }
        return try JSONSerialization.data(withJSONObject: ["apiVersion": "1", "jobs": jobs])
    }
}

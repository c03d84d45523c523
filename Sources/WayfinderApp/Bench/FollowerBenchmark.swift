import Foundation
import JobPostings
import Logging
import Search

/// `wayfinder bench follow`: one process imports N postings while another one, whose index was
/// current, catches up through the change feed; prints both figures.
public struct FollowerBenchmark: Sendable {
    public var postings: Int
    public var databaseURL: String?
    public var dataDirectory: String?

    public init(postings: Int, databaseURL: String?, dataDirectory: String?) {
        self.postings = postings
        self.databaseURL = databaseURL
        self.dataDirectory = dataDirectory
    }

    public func run(output: @Sendable (String) -> Void = { print($0) }) async throws {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("wayfinder-follow-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { if dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        let settings = Settings(dataDirectory: directory, databaseURL: databaseURL)
        // Two sets of services with their own connections and indexes: the writer and the follower.
        let writer = try await AppServices.open(settings: settings, logger: logger, index: .memory)
        let follower = try await AppServices.open(settings: settings, logger: logger, index: .memory)
        defer { Task { await writer.close(); await follower.close() } }
        try await follower.follower.catchUp()
        let existing = try await writer.repository.count()
        output("database: \(databaseURL == nil ? "SQLite" : "PostgreSQL"), \(existing) postings before; the follower is current")

        let corpus = try DemoCorpus.bundled()
        let now = writer.clock.now()
        let importing = ContinuousClock.now
        for start in stride(from: existing, to: existing + postings, by: 5_000) {
            let batch = (start..<min(start + 5_000, existing + postings)).map { corpus.posting(number: $0, now: now) }
            _ = try await writer.repository.upsert(batch)
        }
        let imported = (ContinuousClock.now - importing).seconds
        output(String(format: "writer imported %d postings: %.0f postings/s (%.1f s)", postings, Double(postings) / imported, imported))

        let catching = ContinuousClock.now
        let applied = try await follower.follower.catchUp()
        let caughtUp = (ContinuousClock.now - catching).seconds
        output(String(format: "follower caught up on %d changes in %.2f s (%.0f changes/s); it now holds %d postings",
                      applied, caughtUp, Double(applied) / max(caughtUp, 0.001), follower.index.documentCount))
    }
}

import Foundation
import JobPostings
import Logging

/// `wayfinder bench import`: writes N demo postings to a JSON Lines file, imports it exactly as
/// `wayfinder import jobs` does, then imports it again (which must find every posting unchanged),
/// and prints the throughput of both.
public struct ImportBenchmark: Sendable {
    public var postings: Int
    public var databaseURL: String?
    public var dataDirectory: String?

    public init(postings: Int, databaseURL: String?, dataDirectory: String?) {
        self.postings = postings
        self.databaseURL = databaseURL
        self.dataDirectory = dataDirectory
    }

    public func run(output: @escaping @Sendable (String) -> Void = { print($0) }) async throws {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("wayfinder-import-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let directory = dataDirectory ?? temporary.appendingPathComponent("data").path
        let corpus = temporary.appendingPathComponent("corpus.jsonl").path

        let writing = ContinuousClock.now
        try CorpusExport.write(postings: postings, to: corpus)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: corpus)[.size] as? Int) ?? 0
        output(String(format: "corpus: %d demo postings, %.0f MB of JSON Lines, written in %.1f s",
                      postings, Double(bytes) / 1e6, (ContinuousClock.now - writing).seconds))

        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        let settings = Settings(dataDirectory: directory, databaseURL: databaseURL)
        let services = try await AppServices.open(settings: settings, logger: logger, index: .memory)
        do {
            let before = try await services.repository.count()
            output("database: \(databaseURL == nil ? "SQLite in \(directory)" : "PostgreSQL"), \(before) postings before")
            // The path of `wayfinder import jobs`: the file importer, leaving the index to the servers.
            var fileImport = JobFileImport(services: services, provider: "jsonld")
            fileImport.updatesIndex = false
            fileImport.showsProgress = false
            fileImport.output = { _ in }
            let first = try await fileImport.run(path: corpus)
            output(Self.line("import", first))
            let second = try await fileImport.run(path: corpus)
            output(Self.line("re-import", second))
            let idempotent = second.report.stored == UpsertSummary(unchanged: postings) && second.report.failures.isEmpty
            output(idempotent ? "re-import found every posting unchanged" : "re-import was NOT idempotent")
            await services.close()
            if !idempotent { throw BenchmarkFailure(description: "the re-import changed postings") }
        } catch {
            await services.close()
            throw error
        }
    }

    private static func line(_ name: String, _ outcome: JobFileImport.Outcome) -> String {
        let stored = outcome.report.stored
        return String(
            format: "%@: %.0f postings/s (%.1f s; %d inserted, %d updated, %d unchanged, %d failed)",
            name, Double(outcome.report.read) / max(outcome.seconds, 0.001), outcome.seconds,
            stored.inserted, stored.updated, stored.unchanged, outcome.report.failures.count
        )
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}

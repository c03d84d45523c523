import Foundation
import JobPostings

/// Fills an empty database with the deterministic demo corpus, so a first run shows a working product.
struct DemoSeeder {
    let services: AppServices

    static let defaultCount = 5_000

    func seedIfEmpty(count: Int) async throws {
        guard try await services.repository.count() == 0 else {
            services.logger.info("database has postings; demo data not added")
            return
        }
        let corpus = try DemoCorpus.bundled()
        let now = services.clock.now()
        var stored = UpsertSummary()
        for start in stride(from: 0, to: count, by: 1_000) {
            let batch = (start..<min(start + 1_000, count)).map { corpus.posting(number: $0, now: now) }
            stored = stored + (try await services.repository.upsert(batch))
        }
        services.logger.info("added demo postings", metadata: ["postings": "\(stored.inserted)"])
        try await DemoAccounts(services: services).seed()
        try await addDemoSource()
    }

    /// A `demo` source, synced at once by this server's workers, so sources, runs and tasks have something to show.
    private func addDemoSource() async throws {
        let jobSources = services.jobSources.service
        guard try await jobSources.statuses().isEmpty else { return }
        let source = try await jobSources.add(.init(kind: "demo", parameters: SourceParameters(count: 200), name: "Demo board"))
        _ = try await jobSources.requestSync(id: source.id)
        services.logger.info("added a demo source; its first sync is queued", metadata: ["source_id": "\(source.id)"])
    }
}

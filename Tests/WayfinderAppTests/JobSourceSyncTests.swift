import Domain
import Foundation
import JobPostings
import Logging
import Platform
import Storage
import TestPeers
import Testing
import WayfinderApp

/// The sync pipeline end to end on a real database, with a provider whose listing the test controls.
@Suite("Syncing a source")
struct JobSourceSyncTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A provider that lists what the test says, or fails as told.
    final class ScriptedProvider: JobProvider, @unchecked Sendable {
        let kind = ProviderKind.demo
        private let lock = NSLock()
        private var listing = ProviderListing(drafts: [])
        private var failure: ProviderError?

        func set(_ listing: ProviderListing) { lock.withLock { self.listing = listing; failure = nil } }
        func fail(_ error: ProviderError) { lock.withLock { failure = error } }

        func fetch(_ source: JobSource) async throws -> ProviderListing {
            try lock.withLock {
                if let failure { throw failure }
                return listing
            }
        }
    }

    static func draft(_ id: Int, title: String = "Engineer") -> JobPostingDraft {
        JobPostingDraft(fields: [
            "job_id": .string("demo#\(id)"), "title": .string(title), "description_html": .string("<p>Build <b>things</b><script>x()</script></p>"),
            "company": .string("Acme"), "location": .string("Remote, Europe"), "remote": .bool(true),
            "min_salary": .number(40), "max_salary": .number(50), "currency": .string("EUR"), "interval": .string("hour"),
            "posted_date": .string("2026-11-01T00:00:00Z"), "apply_url": .string("https://acme.example/\(id)"),
        ])
    }

    static func withSync(_ body: (JobSourceSync, JobSource, ScriptedProvider, AppServices) async throws -> Void) async throws {
        let settings = Settings(dataDirectory: Scratch.root.appendingPathComponent("wayfinder-sync-\(UUID().uuidString)").path,
                                databaseURL: "sqlite::memory:")
        let services = try await AppServices.open(settings: settings, logger: TestLogger.quiet, clock: FixedWallClock(now), index: .memory)
        do {
            let provider = ScriptedProvider()
            let sources = SQLJobSourceRepository(store: services.store)
            let sync = JobSourceSync(sources: sources, postings: services.repository, links: SQLJobPostingLinkRepository(store: services.store), providers: JobProviders([provider]),
                                     breakers: CircuitBreakers(failureThreshold: 2, clock: FixedWallClock(now)), clock: FixedWallClock(now))
            let source = try await services.jobSources.service.add(.init(kind: "demo", parameters: SourceParameters(count: 3)))
            try await body(sync, source, provider, services)
            await services.close()
        } catch {
            await services.close()
            throw error
        }
    }

    @Test("a sync stores every valid posting normalized, skips and counts bad ones, and re-syncing changes nothing")
    func storesAndSkips() async throws {
        try await Self.withSync { sync, source, provider, services in
            var bad = Self.draft(9)
            bad.fields["title"] = nil
            provider.set(ProviderListing(drafts: [Self.draft(1), Self.draft(2), bad, Self.draft(2, title: "Engineer II")],
                                         skipped: [SkippedPosting(externalID: "77", reason: "no id")]))
            let run = try #require(try await sync.sync(sourceID: source.id))
            #expect(run.status == .succeeded)
            #expect((run.fetched, run.inserted, run.updated, run.unchanged, run.skipped, run.closed) == (5, 2, 0, 0, 3, 0))
            #expect(run.skippedExamples.map(\.reason).contains("title is required"))
            let stored = try #require(try await services.repository.find(jobID: "demo#2")).posting
            #expect(stored.title == "Engineer II")
            #expect(stored.minSalary == 40 * 2080 && stored.payInterval == .hour && stored.currency == "EUR")
            #expect(stored.descriptionHTML?.contains("script") == false && stored.description.contains("Build things"))
            let again = try #require(try await sync.sync(sourceID: source.id))
            #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 2))
            #expect(try await services.repository.count() == 2)
            let events = try await services.backgroundWork.outbox.recent(limit: 10).filter { $0.event.topic == "job_sync.completed" }
            #expect(events.count == 2)
            let payload = try JSONSerialization.jsonObject(with: events[0].event.payload) as? [String: Any]
            #expect(payload?["status"] as? String == "succeeded" && payload?["unchanged"] as? Int == 2 && payload?["provider"] as? String == "demo")
        }
    }

    @Test("postings that disappear from a complete listing are closed and leave search; a partial listing closes nothing")
    func closesRemoved() async throws {
        try await Self.withSync { sync, source, provider, services in
            provider.set(ProviderListing(drafts: [Self.draft(1), Self.draft(2), Self.draft(3)]))
            try await sync.sync(sourceID: source.id)
            provider.set(ProviderListing(drafts: [Self.draft(1)], isComplete: false))
            #expect(try await sync.sync(sourceID: source.id)?.closed == 0)
            provider.set(ProviderListing(drafts: [Self.draft(1), Self.draft(3)]))
            #expect(try await sync.sync(sourceID: source.id)?.closed == 1)
            #expect(try await services.repository.find(jobID: "demo#2")?.posting.status == .closed)
            try await services.catchUpIndex()
            let results = try await services.jobs.search(JobSearchQuery())
            #expect(Set(results.hits.map(\.posting.jobID)) == ["demo#1", "demo#3"])
            // Listed again, it reopens.
            provider.set(ProviderListing(drafts: [Self.draft(1), Self.draft(2), Self.draft(3)]))
            let reopened = try #require(try await sync.sync(sourceID: source.id))
            #expect(reopened.updated == 1)
            #expect(try await services.repository.find(jobID: "demo#2")?.posting.status == .open)
        }
    }

    @Test("throttling is not a fault: however often a provider asks to slow down, the circuit stays closed")
    func throttlingKeepsCircuitClosed() async throws {
        try await Self.withSync { sync, source, provider, services in
            for _ in 0..<3 {
                provider.fail(.throttled(retryAfter: .seconds(2)))
                await #expect(throws: ProviderError.throttled(retryAfter: .seconds(2))) { try await sync.sync(sourceID: source.id) }
            }
            provider.set(ProviderListing(drafts: [Self.draft(1)]))
            let run = try await sync.sync(sourceID: source.id)
            #expect(run?.inserted == 1)
            #expect(try await services.repository.count() == 1)
        }
    }

    @Test("a provider failure is recorded as a failed run and thrown; repeated failures open the circuit")
    func failures() async throws {
        try await Self.withSync { sync, source, provider, services in
            provider.fail(.httpStatus(500, url: "http://board"))
            await #expect(throws: ProviderError.httpStatus(500, url: "http://board")) { try await sync.sync(sourceID: source.id) }
            await #expect(throws: ProviderError.httpStatus(500, url: "http://board")) { try await sync.sync(sourceID: source.id) }
            provider.set(ProviderListing(drafts: [Self.draft(1)]))
            await #expect(throws: ProviderError.circuitOpen(retryAfter: .seconds(300))) { try await sync.sync(sourceID: source.id) }
            let runs = try await services.jobSources.service.runs(of: source.id)
            #expect(runs.count == 3 && runs.allSatisfy { $0.status == .failed })
            #expect(runs.last?.error == "HTTP 500 from http://board")
            #expect(try await services.repository.count() == 0)
        }
    }
}

enum TestLogger {
    static var quiet: Logging.Logger {
        var logger = Logging.Logger(label: "test")
        logger.logLevel = .error
        return logger
    }
}

@Suite("Cross-source duplicates")
struct CrossSourceDuplicateTests {
    @Test("a job listed by a second source is linked, shown once in search, named on the detail, and takes over when the first closes")
    func linked() async throws {
        try await JobSourceSyncTests.withSync { sync, source, provider, services in
            let other = try await services.jobSources.service.add(.init(kind: "demo", parameters: SourceParameters(count: 1), name: "Aggregator"))
            provider.set(ProviderListing(drafts: [JobSourceSyncTests.draft(1), JobSourceSyncTests.draft(2, title: "Designer")]))
            try await sync.sync(sourceID: source.id)
            // The aggregator lists job 1 with a tracking parameter on its apply URL, and job 2 under another URL
            // but the same company, title and location, two days apart.
            var sameURL = JobSourceSyncTests.draft(101)
            sameURL.fields["apply_url"] = .string("https://www.acme.example/1/?utm_source=board")
            var sameListing = JobSourceSyncTests.draft(102, title: "designer")
            sameListing.fields["apply_url"] = .string("https://aggregator.example/102")
            sameListing.fields["company"] = .string("ACME Inc.")
            sameListing.fields["posted_date"] = .string("2026-11-03T00:00:00Z")
            var different = JobSourceSyncTests.draft(103, title: "Designer")
            different.fields["apply_url"] = .string("https://aggregator.example/103")
            different.fields["posted_date"] = .string("2026-11-20T00:00:00Z")
            provider.set(ProviderListing(drafts: [sameURL, sameListing, different]))
            let run = try #require(try await sync.sync(sourceID: other.id))
            #expect(run.duplicates == 2)
            #expect(try await services.repository.find(jobID: "demo#101")?.posting.status == .duplicate)
            #expect(try await services.repository.find(jobID: "demo#103")?.posting.status == .open)
            #expect(try await services.jobSources.links.sameJob(as: "demo#1") == ["demo#101"])
            #expect(try await services.jobSources.links.sameJob(as: "demo#102") == ["demo#2"])
            #expect(try await services.jobs.otherSources(of: "demo#1").map(\.applyURL) == ["https://www.acme.example/1/?utm_source=board"])
            try await services.catchUpIndex()
            #expect(Set(try await services.jobs.search(JobSearchQuery()).hits.map(\.posting.jobID)) == ["demo#1", "demo#2", "demo#103"])
            // Re-syncing the aggregator changes nothing.
            let again = try #require(try await sync.sync(sourceID: other.id))
            #expect((again.unchanged, again.duplicates) == (3, 2))
            // The first source drops job 1: its duplicate becomes the posting search shows.
            provider.set(ProviderListing(drafts: [JobSourceSyncTests.draft(2, title: "Designer")]))
            try await sync.sync(sourceID: source.id)
            #expect(try await services.repository.find(jobID: "demo#101")?.posting.status == .open)
            try await services.catchUpIndex()
            #expect(Set(try await services.jobs.search(JobSearchQuery()).hits.map(\.posting.jobID)) == ["demo#101", "demo#2", "demo#103"])
        }
    }
}

import Foundation
import JobPostings
import Platform
import SQLKit
import Storage
import Testing

@Suite("Job posting repository contract")
struct JobPostingRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func posting(_ id: String, title: String = "Engineer", salary: Int? = nil) -> JobPosting {
        JobPosting(
            jobID: "test#\(id)", providerID: "test", title: title, description: "Text for \(id).",
            descriptionHTML: "<p>Text for \(id).</p>", company: "Acme", location: "Berlin", remote: true,
            employmentType: .contract, minSalary: salary, maxSalary: salary.map { $0 + 10_000 },
            currency: salary == nil ? nil : "EUR", payInterval: salary == nil ? nil : .year,
            postedDate: now.addingTimeInterval(-86_400), applyURL: "https://acme.example/\(id)",
            expiresAt: now.addingTimeInterval(86_400 * 30), updatedAt: now
        )
    }

    @Test("insert, read back field for field", arguments: StorageBackend.available)
    func roundTrip(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        let original = Self.posting("1", salary: 50_000)
        #expect(try await repository.upsert([original]) == UpsertSummary(inserted: 1))
        let stored = try #require(try await repository.find(jobID: "test#1"))
        #expect(stored.posting == original)
        var summary = original
        summary.descriptionHTML = nil
        #expect(try await repository.summaries(rowIDs: [stored.rowID]).map(\.posting) == [summary])
        #expect(try await repository.find(jobID: "test#missing") == nil)
        #expect(try await repository.count() == 1)
        try await store.close()
    }

    @Test("upserting the same postings again changes nothing, not even the change feed", arguments: StorageBackend.available)
    func idempotent(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        let batch = (1...50).map { Self.posting("\($0)") }
        #expect(try await repository.upsert(batch) == UpsertSummary(inserted: 50))
        let feed = try await repository.changes(after: 0, limit: 1_000)
        var later = batch
        for index in later.indices { later[index].updatedAt = Self.now.addingTimeInterval(60) }
        #expect(try await repository.upsert(later) == UpsertSummary(unchanged: 50))
        #expect(try await repository.changes(after: 0, limit: 1_000) == feed)
        try await store.close()
    }

    @Test("changed postings update in place and append to the change feed in order", arguments: StorageBackend.available)
    func updatesAndFeed(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        _ = try await repository.upsert([Self.posting("1"), Self.posting("2")])
        let rowBefore = try #require(try await repository.find(jobID: "test#2")).rowID
        let summary = try await repository.upsert([Self.posting("2", title: "Lead Engineer"), Self.posting("3")])
        #expect(summary == UpsertSummary(inserted: 1, updated: 1))
        let updated = try #require(try await repository.find(jobID: "test#2"))
        #expect(updated.rowID == rowBefore)
        #expect(updated.posting.title == "Lead Engineer")
        let feed = try await repository.changes(after: 0, limit: 100)
        // The feed carries what an index needs: everything but the HTML description.
        var expected = try #require(try await repository.find(jobID: feed[0].stored.posting.jobID)).posting
        expected.descriptionHTML = nil
        #expect(feed[0].stored.posting.descriptionHTML == nil)
        #expect(feed.contains { $0.stored.posting == expected })
        #expect(feed.map(\.sequence) == feed.map(\.sequence).sorted())
        #expect(feed.count == 4)
        #expect(feed.last.map { $0.stored.posting.jobID == "test#3" || $0.stored.posting.jobID == "test#2" } == true)
        let tail = try await repository.changes(after: feed[1].sequence, limit: 100)
        #expect(tail.count == 2)
        #expect(try await repository.changes(after: feed[1].sequence, limit: 1).count == 1)
        try await store.close()
    }

    @Test("a repeated id inside one batch keeps the last version", arguments: StorageBackend.available)
    func duplicatesInBatch(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        let summary = try await repository.upsert([Self.posting("1", title: "First"), Self.posting("1", title: "Second")])
        #expect(summary.inserted == 1)
        #expect(try await repository.find(jobID: "test#1")?.posting.title == "Second")
        try await store.close()
    }

    @Test("large batches go through in several statements", arguments: StorageBackend.available)
    func largeBatch(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        let batch = (1...4_000).map { Self.posting("\($0)") }
        #expect(try await repository.upsert(batch).inserted == 4_000)
        #expect(try await repository.count() == 4_000)
        #expect(try await repository.changes(after: 0, limit: 10_000).count == 4_000)
        try await store.close()
    }

    @Test("a failed write transaction leaves nothing behind", arguments: StorageBackend.available)
    func rollback(backend: StorageBackend) async throws {
        struct Boom: Error {}
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        await #expect(throws: Boom.self) {
            try await store.write { database in
                try await database.insert(into: "change_feed").columns("entity", "row_id", "changed_at").values("job_posting", 1, 0).run()
                throw Boom()
            }
        }
        #expect(try await repository.changes(after: 0, limit: 10).isEmpty)
        #expect(try await store.read { database in
            try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("change_feed")
                .first(decodingColumn: "n", as: Int.self)
        } == 0)
        try await store.close()
    }

    @Test("migrations are idempotent and reported as current", arguments: StorageBackend.available)
    func migrations(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await Migrator(store: store).migrate().isEmpty)
        #expect(try await Migrator(store: store).isUpToDate())
        try await store.close()
    }
}

@Suite("Job posting events")
struct JobPostingEventTests {
    @Test("new open postings are announced as job.posted in the transaction that stores them; updates and repeats are not", arguments: StorageBackend.available)
    func posted(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        let outbox = SQLEventOutbox(store: store)
        var closed = JobPostingRepositoryContractTests.posting("3")
        closed.status = .closed
        _ = try await repository.upsert([JobPostingRepositoryContractTests.posting("1"), JobPostingRepositoryContractTests.posting("2"), closed])
        _ = try await repository.upsert([JobPostingRepositoryContractTests.posting("1", title: "Lead"), JobPostingRepositoryContractTests.posting("2")])
        let events = try await outbox.recent(limit: 10).filter { $0.event.topic == JobPosted.topic }
        #expect(events.count == 1)
        #expect(try JSONDecoder().decode(JobPosted.self, from: events[0].event.payload) == JobPosted(jobIDs: ["test#1", "test#2"]))
        try await store.close()
    }
}

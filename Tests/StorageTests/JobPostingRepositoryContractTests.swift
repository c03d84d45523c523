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

    @Test("a page of summaries reads every field by position, absent ones as nil, and skips rows that are gone",
          arguments: StorageBackend.available)
    func summariesPage(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        var bare = Self.posting("bare")
        (bare.employmentType, bare.applyURL, bare.expiresAt) = (nil, nil, nil)
        _ = try await repository.upsert([Self.posting("paid", salary: 70_000), bare])
        let rows = [try #require(try await repository.find(jobID: "test#bare")).rowID,
                    try #require(try await repository.find(jobID: "test#paid")).rowID]
        let page = try await repository.summaries(rowIDs: rows + [999_999])
        var expected = [bare, Self.posting("paid", salary: 70_000)]
        for index in expected.indices { expected[index].descriptionHTML = nil }
        #expect(Set(page.map(\.rowID)) == Set(rows))
        #expect(page.sorted { $0.posting.jobID < $1.posting.jobID }.map(\.posting) == expected.sorted { $0.jobID < $1.jobID })
        try await store.close()
    }

    @Test("values by position: integers, text and NULL, with bound integers", arguments: StorageBackend.available)
    func valuesByPosition(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let rows: Result<[[ColumnValue]], any Error>
        do {
            rows = .success(try await store.values("SELECT ? + 1 AS number, NULL AS absent, 'text' AS words", binds: [41]))
        } catch {
            rows = .failure(error)
        }
        try await store.close()
        #expect(try rows.get() == [[.integer(42), .null, .text("text")]])
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

    @Test("a batch of new, changed and unchanged postings larger than one statement", arguments: StorageBackend.available)
    func mixedLargeBatch(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        let first = (0..<2_500).map { Self.posting("\($0)", salary: $0 % 2 == 0 ? 40_000 + $0 : nil) }
        #expect(try await repository.upsert(first) == UpsertSummary(inserted: 2_500))
        var second = first
        for index in stride(from: 0, to: 2_500, by: 3) { second[index].title = "Changed \(index)" }
        second += (2_500..<5_000).map { Self.posting("\($0)") }
        #expect(try await repository.upsert(second) == UpsertSummary(inserted: 2_500, updated: 834, unchanged: 1_666))
        let feed = try await repository.changes(after: 0, limit: 10_000)
        #expect(feed.count == 2_500 + 2_500 + 834)
        #expect(feed.map(\.sequence) == feed.map(\.sequence).sorted())
        let expected = Set(stride(from: 0, to: 2_500, by: 3).map { "test#\($0)" } + (2_500..<5_000).map { "test#\($0)" })
        #expect(Set(feed.dropFirst(2_500).map(\.stored.posting.jobID)) == expected)
        #expect(try await repository.find(jobID: "test#3")?.posting.title == "Changed 3")
        #expect(try await repository.find(jobID: "test#4")?.posting == first[4])
        try await store.close()
    }

    @Test("texts that look like SQL, quotes or placeholders are stored as given", arguments: StorageBackend.available)
    func awkwardTexts(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        var posting = Self.posting("o'reilly ?1 $1")
        posting.title = "O'Reilly ?1 $1 :name @x -- '); DROP TABLE job_postings; --"
        posting.description = "Line one\nLine \"two\" \\ back\tslash – café ☕ 😀 ''"
        posting.company = "?"
        posting.location = ""
        posting.currency = "E'R"
        posting.minSalary = -5
        // What PostgreSQL's COPY text format gives a meaning: its NULL, its end of data, escapes and line ends.
        var copyText = Self.posting("copy \\N")
        copyText.title = "\\N"
        copyText.description = "\\.\r\nCR\rLF\n\\t is not a tab\t\\\\N\n\\."
        copyText.descriptionHTML = "\\N"
        copyText.applyURL = "\\."
        _ = try await repository.upsert([posting, Self.posting("plain"), copyText])
        #expect(try await repository.find(jobID: posting.jobID)?.posting == posting)
        #expect(try await repository.find(jobID: copyText.jobID)?.posting == copyText)
        #expect(try await repository.upsert([posting, copyText]) == UpsertSummary(unchanged: 2))
        try await store.close()
    }

    @Test("rows fingerprinted by an earlier release are unchanged when their content is; only the fingerprint is rewritten",
          arguments: StorageBackend.available)
    func legacyFingerprints(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store)
        let batch = (1...30).map { Self.posting("\($0)", salary: $0 * 1_000) }
        #expect(try await repository.upsert(batch) == UpsertSummary(inserted: 30))
        // What an earlier release stored: the same rows, fingerprinted the old way.
        for posting in batch {
            let legacy = posting.legacyContentFingerprint
            try await store.write { database in
                try await database.update("job_postings").set("content_hash", to: legacy).where("job_id", .equal, posting.jobID).run()
            }
        }
        let feed = try await repository.changes(after: 0, limit: 1_000)
        var next = batch
        next[0].title = "Changed"
        for index in next.indices { next[index].updatedAt = Self.now.addingTimeInterval(60) }
        #expect(try await repository.upsert(next) == UpsertSummary(updated: 1, unchanged: 29))
        let after = try await repository.changes(after: 0, limit: 1_000)
        #expect(after.count == feed.count + 1)
        #expect(after.last?.stored.posting.title == "Changed")
        let hashes = try await store.read { database in
            try await database.select().column("content_hash").from("job_postings").all(decodingColumn: "content_hash", as: String.self)
        }
        #expect(hashes.allSatisfy { $0.hasPrefix("v2:") })
        #expect(try await repository.upsert(next) == UpsertSummary(unchanged: 30))
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

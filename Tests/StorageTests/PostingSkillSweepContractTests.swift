import Foundation
import JobPostings
import SQLKit
import Storage
import Testing

@Suite("Skills recorded afterwards for postings written without them")
struct PostingSkillSweepContractTests {
    static func posting(_ id: String, title: String) -> JobPosting {
        PostingSkillRecordingContractTests.posting(id, title: title)
    }

    /// Steps the sweep until it has passed the last row; returns how many postings the steps read.
    static func sweep(_ repository: SQLJobPostingRepository, window: Int = 2) async throws -> Int {
        var read = 0
        while let step = try await repository.recordStaleSkills(window: window) { read += step }
        return read
    }

    static func names(_ repository: SQLJobPostingRepository, _ jobID: String, fingerprint: String = "title-words-1") async throws -> [String]? {
        try await repository.find(jobID: jobID)?.recordedSkills?.skills(ifReadBy: fingerprint)?.map(\.name)
    }

    @Test("open postings written without skills get them, closed ones are left alone, and the change feed is untouched",
          arguments: StorageBackend.available)
    func recordsPostingsWrittenWithout(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let plain = SQLJobPostingRepository(store: store)
        _ = try await plain.upsert([Self.posting("1", title: "Swift Engineer"), Self.posting("2", title: "Go Swift"),
                                    Self.posting("3", title: "Cook"), Self.posting("4", title: "Go Closed"), Self.posting("5", title: "Go")])
        _ = try await plain.close(jobIDs: ["test#4"], at: Date(timeIntervalSince1970: 1_800_000_000))
        let feed = try await plain.changes(after: 0, limit: 100)

        let tagger = TitleWordTagger()
        let repository = SQLJobPostingRepository(store: store, skillTagger: tagger)
        #expect(try await Self.sweep(repository) == 4)
        #expect(tagger.postingsRead == 4)
        #expect(try await Self.names(repository, "test#1") == ["Swift"])
        #expect(try await Self.names(repository, "test#2") == ["Swift", "Go"])
        #expect(try await Self.names(repository, "test#3") == [])
        #expect(try await Self.names(repository, "test#5") == ["Go"])
        #expect(try await repository.find(jobID: "test#4")?.recordedSkills == nil)
        // Rebuilds take the recorded skills through the feed; nothing new is announced.
        let after = try await repository.changes(after: 0, limit: 100)
        #expect(after.map(\.sequence) == feed.map(\.sequence))
        #expect(after.first { $0.stored.posting.jobID == "test#1" }?.stored.recordedSkills?.skills(ifReadBy: "title-words-1")?.map(\.name) == ["Swift"])
        // Done: later steps read nothing until new rows come.
        #expect(try await repository.recordStaleSkills() == nil)
        #expect(tagger.postingsRead == 4)
        try await store.close()
    }

    @Test("a tagger with another stamp sweeps again; one with the writers' stamp reads nothing", arguments: StorageBackend.available)
    func sweepsPerStamp(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let writer = SQLJobPostingRepository(store: store, skillTagger: TitleWordTagger())
        _ = try await writer.upsert((0..<7).map { Self.posting("\($0)", title: $0 % 2 == 0 ? "Swift \($0)" : "Go \($0)") })

        let same = TitleWordTagger()
        #expect(try await Self.sweep(SQLJobPostingRepository(store: store, skillTagger: same), window: 3) == 0)
        #expect(same.postingsRead == 0)

        let newer = TitleWordTagger(fingerprint: "title-words-2")
        let upgraded = SQLJobPostingRepository(store: store, skillTagger: newer)
        #expect(try await Self.sweep(upgraded, window: 3) == 7)
        #expect(try await Self.names(upgraded, "test#0", fingerprint: "title-words-2") == ["Swift"])
        #expect(try await Self.names(upgraded, "test#1", fingerprint: "title-words-2") == ["Go"])
        // Postings written after the sweep passed them are the writers' to record.
        _ = try await upgraded.upsert([Self.posting("7", title: "Go 7")])
        #expect(try await Self.sweep(upgraded, window: 3) == 0)
        #expect(newer.postingsRead == 8)
        try await store.close()
    }

    @Test("skills left behind by a writer that changed the content without them are read again", arguments: StorageBackend.available)
    func recordsAfterContentChangedBehindIt(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store, skillTagger: TitleWordTagger())
        _ = try await repository.upsert([Self.posting("1", title: "Swift Engineer"), Self.posting("2", title: "Swift Cook")])
        try await PostingSkillRecordingContractTests.rewriteAsEarlierRelease(Self.posting("1", title: "Go Engineer"), in: store)
        #expect(try await Self.sweep(repository) == 1)
        #expect(try await Self.names(repository, "test#1") == ["Go"])
        #expect(try await Self.names(repository, "test#2") == ["Swift"])
        try await store.close()
    }

    @Test("a finished sweep starts over from the first row when asked; one stopped half-way goes on", arguments: StorageBackend.available)
    func restartsOnlyWhenFinished(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await SQLJobPostingRepository(store: store).upsert((0..<6).map { Self.posting("\($0)", title: "Go \($0)") })
        let tagger = TitleWordTagger()
        let repository = SQLJobPostingRepository(store: store, skillTagger: tagger)
        #expect(try await repository.recordStaleSkills(window: 2) == 2)
        try await repository.restartSkillSweepIfFinished()
        #expect(try await Self.sweep(repository) == 4)
        #expect(tagger.postingsRead == 6)

        // An earlier release rewrites a posting behind the finished sweep.
        try await store.write { database in
            try await database.raw("UPDATE job_postings SET skills = NULL WHERE job_id = 'test#1'").run()
        }
        #expect(try await repository.recordStaleSkills(window: 2) == nil)
        try await repository.restartSkillSweepIfFinished()
        #expect(try await Self.sweep(repository) == 1)
        #expect(try await Self.names(repository, "test#1") == ["Go"])
        #expect(tagger.postingsRead == 7)
        try await store.close()
    }

    @Test("processes stepping at the same time read each posting once", arguments: StorageBackend.available)
    func concurrentSweepsShareTheWork(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await SQLJobPostingRepository(store: store).upsert((0..<60).map { Self.posting("\($0)", title: "Swift \($0)") })
        let tagger = TitleWordTagger()
        let sweepers = (0..<3).map { _ in SQLJobPostingRepository(store: store, skillTagger: tagger) }
        let read = try await withThrowingTaskGroup(of: Int.self) { group in
            for sweeper in sweepers { group.addTask { try await Self.sweep(sweeper, window: 4) } }
            return try await group.reduce(0, +)
        }
        #expect(read == 60)
        #expect(tagger.postingsRead == 60)
        for number in [0, 29, 59] { #expect(try await Self.names(sweepers[0], "test#\(number)") == ["Swift"]) }
        try await store.close()
    }
}

import Foundation
import JobPostings
import SQLKit
import Storage
import Synchronization
import Testing

/// Tags "Swift" and "Go" by the title's words, a plus when the title says "(plus)", and counts the postings it reads.
final class TitleWordTagger: PostingSkillTagger {
    let taggerFingerprint: String?
    private let reads = Mutex(0)
    init(fingerprint: String? = "title-words-1") { taggerFingerprint = fingerprint }

    var postingsRead: Int { reads.withLock { $0 } }

    func skills(of posting: JobPosting) -> [PostingSkill] {
        reads.withLock { $0 += 1 }
        let words = posting.title.split(separator: " ")
        return ["Swift", "Go"].filter { words.contains(Substring($0)) }
            .map { PostingSkill(name: $0, isRequired: !posting.title.contains("(plus)")) }
    }
}

@Suite("Skills recorded as postings are written")
struct PostingSkillRecordingContractTests {
    static func posting(_ id: String, title: String) -> JobPosting {
        var posting = JobPostingRepositoryContractTests.posting(id, title: title)
        posting.descriptionHTML = nil
        return posting
    }

    /// What an earlier release's update does: new content and fingerprint, the skills column left as it was.
    static func rewriteAsEarlierRelease(_ changed: JobPosting, in store: any SQLStore) async throws {
        try await store.write { database in
            try await database.update("job_postings").set("title", to: changed.title).set("content_hash", to: changed.contentFingerprint)
                .where("job_id", .equal, changed.jobID).run()
        }
    }

    static func skills(in feed: [JobPostingChange], of jobID: String, fingerprint: String = "title-words-1") -> [PostingSkill]? {
        feed.last { $0.stored.posting.jobID == jobID }?.stored.recordedSkills?.skills(ifReadBy: fingerprint)
    }

    @Test("new and changed postings carry their skills into the change feed; unchanged ones are not read again",
          arguments: StorageBackend.available)
    func recordedOnWrite(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let tagger = TitleWordTagger()
        let repository = SQLJobPostingRepository(store: store, skillTagger: tagger)
        _ = try await repository.upsert([Self.posting("1", title: "Swift Engineer"), Self.posting("2", title: "Go Swift (plus)"),
                                         Self.posting("3", title: "Cook")])
        #expect(tagger.postingsRead == 3)
        var feed = try await repository.changes(after: 0, limit: 100)
        #expect(Self.skills(in: feed, of: "test#1") == [PostingSkill(name: "Swift", isRequired: true)])
        #expect(Self.skills(in: feed, of: "test#2") == [PostingSkill(name: "Swift", isRequired: false), PostingSkill(name: "Go", isRequired: false)])
        #expect(Self.skills(in: feed, of: "test#3") == [])
        #expect(try await repository.find(jobID: "test#1")?.recordedSkills?.skills(ifReadBy: "title-words-1") == [PostingSkill(name: "Swift", isRequired: true)])
        // New postings reach matching with their skills too.
        let fresh = try await repository.postings(storedAfter: 0, limit: 10)
        #expect(fresh.map { $0.recordedSkills?.skills(ifReadBy: "title-words-1")?.map(\.name) } == [["Swift"], ["Swift", "Go"], []])

        _ = try await repository.upsert([Self.posting("1", title: "Swift Engineer"), Self.posting("3", title: "Go Cook")])
        #expect(tagger.postingsRead == 4)
        feed = try await repository.changes(after: 0, limit: 100)
        #expect(feed.count == 4)
        #expect(Self.skills(in: feed, of: "test#3") == [PostingSkill(name: "Go", isRequired: true)])
        // Summaries for a result page leave the skills out: the index has them.
        let row = try #require(feed.last?.stored.rowID)
        #expect(try await repository.summaries(rowIDs: [row]).first?.recordedSkills == nil)
        try await store.close()
    }

    @Test("a large batch records every posting's skills, whichever statements write it", arguments: StorageBackend.available)
    func largeBatch(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let tagger = TitleWordTagger()
        let repository = SQLJobPostingRepository(store: store, skillTagger: tagger)
        let first = (0..<3_000).map { Self.posting("\($0)", title: $0 % 2 == 0 ? "Swift \($0)" : "Role \($0)") }
        _ = try await repository.upsert(first)
        var second = first
        for index in stride(from: 0, to: 3_000, by: 3) { second[index].title = "Go \(index)" }
        #expect(try await repository.upsert(second) == UpsertSummary(updated: 1_000, unchanged: 2_000))
        #expect(tagger.postingsRead == 4_000)
        let latest = Dictionary(try await repository.changes(after: 0, limit: 10_000).map { ($0.stored.posting.jobID, $0.stored) }) { $1 }
        for number in [0, 1, 2, 3, 2_998, 2_999] {
            let expected = number % 3 == 0 ? ["Go"] : number % 2 == 0 ? ["Swift"] : []
            #expect(latest["test#\(number)"]?.recordedSkills?.skills(ifReadBy: "title-words-1")?.map(\.name) == expected)
        }
        try await store.close()
    }

    @Test("skills recorded for other content are not its skills: a writer that does not know the column changed the row",
          arguments: StorageBackend.available)
    func recordedForOtherContent(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let repository = SQLJobPostingRepository(store: store, skillTagger: TitleWordTagger())
        _ = try await repository.upsert([Self.posting("1", title: "Swift Engineer")])
        try await Self.rewriteAsEarlierRelease(Self.posting("1", title: "Go Engineer"), in: store)
        let stored = try #require(try await repository.find(jobID: "test#1"))
        #expect(stored.posting.title == "Go Engineer")
        #expect(stored.recordedSkills == nil)
        #expect(try await repository.changes(after: 0, limit: 10).last?.stored.recordedSkills == nil)
        try await store.close()
    }

    @Test("a writer that reads no skills clears those recorded for the content it replaces", arguments: StorageBackend.available)
    func staleRecordCleared(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        _ = try await SQLJobPostingRepository(store: store, skillTagger: TitleWordTagger()).upsert([Self.posting("1", title: "Swift")])
        let plainWriters = [SQLJobPostingRepository(store: store), SQLJobPostingRepository(store: store, skillTagger: TitleWordTagger(fingerprint: nil))]
        for (number, plain) in plainWriters.enumerated() {
            let version = "Go \(number)"
            _ = try await plain.upsert([Self.posting("1", title: version)])
            let stored = try #require(try await plain.find(jobID: "test#1"))
            #expect(stored.posting.title == version)
            #expect(stored.recordedSkills == nil)
            _ = try await SQLJobPostingRepository(store: store, skillTagger: TitleWordTagger()).upsert([Self.posting("1", title: "Swift")])
        }
        try await store.close()
    }
}

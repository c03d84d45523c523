import Foundation
import Synchronization
import Testing
@testable import JobPostings

/// Storing batches while the next is prepared.
@Suite struct OverlappingWriterTests {
    @Test("the next batch is prepared while the previous one is written, and batches are written in order")
    func preparesWhileWriting() async throws {
        let repository = GatedRepository()
        var writer = OverlappingWriter(repository: repository)
        try await writer.write([Self.posting("a"), Self.posting("b")])
        // The first batch's write is held open until the second batch has been prepared.
        try await writer.write([Self.posting("a", title: "Newer"), Self.posting("c")])
        let stored = try await writer.finish()
        #expect(stored == UpsertSummary(inserted: 4))
        let events = repository.events.withLock { $0 }
        func position(_ event: String) -> Int { events.firstIndex(of: event) ?? -1 }
        #expect(Set(events) == ["prepare a,b", "write a,b begins", "prepare a,c", "write a,b ends", "write a,c begins", "write a,c ends"])
        #expect(position("prepare a,b") < position("write a,b begins"))
        #expect(position("prepare a,c") < position("write a,b ends"))
        #expect(position("write a,b ends") < position("write a,c begins"))
        #expect(position("write a,c begins") < position("write a,c ends"))
    }

    @Test("a batch's error comes with the next write or with finish, and nothing after it is written")
    func errorsComeLater() async throws {
        let repository = GatedRepository(failing: ["bad"])
        var writer = OverlappingWriter(repository: repository)
        try await writer.write([Self.posting("bad")])
        await #expect(throws: WriteRefused.self) { try await writer.write([Self.posting("after")]) }
        #expect(!repository.events.withLock { $0 }.contains("write after begins"))
        var second = OverlappingWriter(repository: repository)
        try await second.write([Self.posting("bad")])
        await #expect(throws: WriteRefused.self) { try await second.finish() }
    }

    static func posting(_ id: String, title: String = "Engineer") -> JobPosting {
        JobPosting(jobID: id, providerID: "test", title: title, description: "Text", company: "Acme", location: "Leeds",
                   postedDate: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
    }
}

private struct WriteRefused: Error {}

/// Records each prepare and write; the first write waits (at most 5 s) for the second prepare.
private final class GatedRepository: JobPostingRepository {
    let events = Mutex<[String]>([])
    let failing: Set<String>
    private let prepares = Mutex(0)

    init(failing: Set<String> = []) { self.failing = failing }

    func prepare(_ postings: [JobPosting]) async -> PreparedPostings {
        events.withLock { $0.append("prepare " + Self.ids(postings)) }
        prepares.withLock { $0 += 1 }
        return PreparedPostings(postings: postings)
    }

    func upsert(_ prepared: PreparedPostings) async throws -> UpsertSummary {
        let ids = Self.ids(prepared.postings)
        events.withLock { $0.append("write \(ids) begins") }
        if prepared.postings.contains(where: { failing.contains($0.jobID) }) { throw WriteRefused() }
        let deadline = ContinuousClock.now + .seconds(5)
        while prepares.withLock({ $0 }) == 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        events.withLock { $0.append("write \(ids) ends") }
        return UpsertSummary(inserted: prepared.postings.count)
    }

    static func ids(_ postings: [JobPosting]) -> String { postings.map(\.jobID).joined(separator: ",") }

    func upsert(_ postings: [JobPosting]) async throws -> UpsertSummary { try await upsert(PreparedPostings(postings: postings)) }
    func find(jobID: String) async throws -> StoredJobPosting? { nil }
    func summaries(rowIDs: [Int64]) async throws -> [StoredJobPosting] { [] }
    func changes(after sequence: Int64, limit: Int) async throws -> [JobPostingChange] { [] }
    func count() async throws -> Int { 0 }
    func close(jobIDs: [String], at time: Date) async throws -> Int { 0 }
}

import Dispatch
import Domain
import Foundation
import Synchronization
import Testing
@testable import JobPostings

/// Following the change feed into an index.
@Suite struct JobIndexFollowerTests {
    @Test("the next batch is read while the current one is indexed, and every change is applied once, in order")
    func readsAheadWhileIndexing() async throws {
        let repository = FeedRepository(changeCount: 9)
        let index = RecordingIndex(readAhead: repository.readAhead)
        let applied = try await JobIndexFollower(repository: repository, index: index, batchSize: 3).catchUp()
        #expect(applied == 9)
        #expect(index.applied.withLock { $0 } == Array(1...9))
        // The first batch's indexing waits (at most 5 s) for the second batch's read to begin.
        #expect(index.sawReadAhead.withLock { $0 } == true)
        #expect(try await JobIndexFollower(repository: repository, index: index, batchSize: 3).catchUp() == 0)
    }

    @Test("a catch-up asked for while one runs waits for it, then reads only what came after: no batch is read or applied twice")
    func catchUpsDoNotOverlap() async throws {
        let repository = FeedRepository(changeCount: 6)
        let index = RecordingIndex(readAhead: repository.readAhead, applyingFor: 0.1)
        let follower = JobIndexFollower(repository: repository, index: index, batchSize: 3)
        async let first = follower.catchUp()
        async let second = follower.catchUp()
        let total = try await first + second
        #expect(total == 6)
        #expect(index.received.withLock { $0 } == Array(1...6))
        #expect(repository.reads.withLock { $0.filter { $0 == 0 }.count } == 1)
    }
}

/// A change feed of `changeCount` postings that signals when a read past the first batch begins.
private final class FeedRepository: JobPostingRepository {
    let changeCount: Int64
    let readAhead = DispatchSemaphore(value: 0)
    /// The sequence after which each read began.
    let reads = Mutex<[Int64]>([])

    init(changeCount: Int64) { self.changeCount = changeCount }

    func changes(after sequence: Int64, limit: Int) async throws -> [JobPostingChange] {
        reads.withLock { $0.append(sequence) }
        if sequence > 0 { readAhead.signal() }
        let first = sequence + 1, last = min(changeCount, sequence + Int64(limit))
        guard first <= last else { return [] }
        return (first...last).map { sequence in
            let posting = JobPosting(jobID: "job-\(sequence)", providerID: "test", title: "Posting \(sequence)", description: "Text",
                                     company: "Acme", location: "Leeds", postedDate: Date(timeIntervalSince1970: 0),
                                     updatedAt: Date(timeIntervalSince1970: 0))
            return JobPostingChange(sequence: sequence, stored: StoredJobPosting(rowID: sequence, posting: posting))
        }
    }

    func upsert(_ postings: [JobPosting]) async throws -> UpsertSummary { UpsertSummary() }
    func find(jobID: String) async throws -> StoredJobPosting? { nil }
    func summaries(rowIDs: [Int64]) async throws -> [StoredJobPosting] { [] }
    func count() async throws -> Int { Int(changeCount) }
    func close(jobIDs: [String], at time: Date) async throws -> Int { 0 }
}

/// An index that records what it applies; its first batch waits for the next batch's read to begin.
private final class RecordingIndex: JobSearchIndex {
    let readAhead: DispatchSemaphore
    /// Seconds each batch takes to apply.
    let applyingFor: TimeInterval
    let applied = Mutex<[Int64]>([])
    /// Every change handed to `apply`, repeats included.
    let received = Mutex<[Int64]>([])
    let sawReadAhead = Mutex<Bool?>(nil)

    init(readAhead: DispatchSemaphore, applyingFor: TimeInterval = 0) {
        self.readAhead = readAhead
        self.applyingFor = applyingFor
    }

    func apply(_ changes: [JobPostingChange]) {
        received.withLock { $0 += changes.map(\.sequence) }
        if sawReadAhead.withLock({ $0 }) == nil {
            let began = readAhead.wait(timeout: .now() + 5) == .success
            sawReadAhead.withLock { $0 = began }
        }
        if applyingFor > 0 { Thread.sleep(forTimeInterval: applyingFor) }
        applied.withLock { applied in
            applied += changes.map(\.sequence).filter { $0 > (applied.last ?? 0) }
        }
    }

    var appliedSequence: Int64 { applied.withLock { $0.last ?? 0 } }

    func search(_ query: JobSearchQuery, now: Date) throws -> JobSearchMatches { throw DomainError.badRequest("not searched here") }
    func highlights(for postings: [JobPosting], query: JobSearchQuery) -> [JobHighlights] { [] }
    func match(_ profile: MatchProfile, rowID: Int64) -> JobMatch? { nil }
    func marketStatistics(_ query: JobSearchQuery, now: Date, weeks: Int) throws -> MarketStatistics {
        throw DomainError.badRequest("not counted here")
    }
    func openPostingCount(now: Date) -> Int { applied.withLock { $0.count } }
}

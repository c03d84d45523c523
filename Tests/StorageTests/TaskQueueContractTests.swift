import Domain
import Foundation
import Platform
import Storage
import Testing

@Suite("Task queue contract")
struct TaskQueueContractTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func queue(_ backend: StorageBackend) async throws -> (SQLTaskQueue, AdjustableWallClock, any SQLStore) {
        let store = try await backend.makeStore()
        let clock = AdjustableWallClock(start)
        return (SQLTaskQueue(store: store, clock: clock), clock, store)
    }

    @Test("an idempotency key enqueues once, whatever state the first task is in", arguments: StorageBackend.available)
    func idempotency(backend: StorageBackend) async throws {
        let (queue, _, store) = try await Self.queue(backend)
        let first = try await queue.enqueue(NewTask(name: "ping", idempotencyKey: "k1"))
        #expect(try await queue.enqueue(NewTask(name: "ping", idempotencyKey: "k1")) == .duplicate(id: first.id))
        let claimed = try #require(try await queue.claim(limit: 5, visibilityTimeout: .seconds(30)).first)
        #expect(try await queue.enqueue(NewTask(name: "ping", idempotencyKey: "k1")) == .duplicate(id: first.id))
        #expect(try await queue.complete(claimed))
        #expect(try await queue.enqueue(NewTask(name: "ping", idempotencyKey: "k1")) == .duplicate(id: first.id))
        #expect(try await queue.enqueue(NewTask(name: "ping")) != .duplicate(id: first.id))
        #expect(try await queue.statistics() == TaskStatistics(queued: 1, done: 1))
        try await store.close()
    }

    @Test("a claim hides the task until its visibility timeout expires, then it is delivered again", arguments: StorageBackend.available)
    func visibilityTimeout(backend: StorageBackend) async throws {
        let (queue, clock, store) = try await Self.queue(backend)
        _ = try await queue.enqueue(NewTask(name: "sync", payload: Data(#"{"a":1}"#.utf8)))
        let first = try #require(try await queue.claim(limit: 5, visibilityTimeout: .seconds(30)).first)
        #expect(first.receives == 1)
        #expect(first.payload == Data(#"{"a":1}"#.utf8))
        #expect(try await queue.claim(limit: 5, visibilityTimeout: .seconds(30)).isEmpty)
        clock.advance(by: 29)
        #expect(try await queue.claim(limit: 5, visibilityTimeout: .seconds(30)).isEmpty)
        clock.advance(by: 2)
        let second = try #require(try await queue.claim(limit: 5, visibilityTimeout: .seconds(30)).first)
        #expect(second.id == first.id && second.receives == 2)
        #expect(try await queue.complete(first) == false, "the first worker's claim is stale")
        #expect(try await queue.fail(first, error: "late", retryAt: clock.now()) == .leaseLost)
        #expect(try await queue.complete(second))
        try await store.close()
    }

    @Test("a task that fails on its third receive moves to the dead letters with its last error, and replays", arguments: StorageBackend.available)
    func deadLetters(backend: StorageBackend) async throws {
        let (queue, clock, store) = try await Self.queue(backend)
        let id = try await queue.enqueue(NewTask(name: "sync", idempotencyKey: "board-7")).id
        for receive in 1...3 {
            let task = try #require(try await queue.claim(limit: 1, visibilityTimeout: .seconds(30)).first)
            #expect(task.receives == receive)
            let outcome = try await queue.fail(task, error: "HTTP 500 (\(receive))", retryAt: clock.now().addingTimeInterval(10))
            #expect(outcome == (receive < 3 ? .willRetry(at: clock.now().addingTimeInterval(10)) : .deadLettered))
            #expect(try await queue.claim(limit: 1, visibilityTimeout: .seconds(30)).isEmpty, "not before its retry time")
            clock.advance(by: 11)
        }
        let letters = try await queue.deadLetters(limit: 10)
        #expect(letters.count == 1)
        #expect(letters.first?.lastError == "HTTP 500 (3)" && letters.first?.receives == 3 && letters.first?.taskID == id)
        #expect(try await queue.outcome(of: id) == .dead(letters[0]))
        #expect(try await queue.enqueue(NewTask(name: "sync", idempotencyKey: "board-7")) == .duplicate(id: id))
        #expect(try await queue.replay(deadLetterID: letters[0].id) == id)
        #expect(try await queue.replay(deadLetterID: letters[0].id) == nil)
        let again = try #require(try await queue.claim(limit: 1, visibilityTimeout: .seconds(30)).first)
        #expect(again.id == id && again.receives == 1)
        #expect(try await queue.statistics() == TaskStatistics(running: 1))
        try await store.close()
    }

    @Test("a third receive that times out is dead-lettered instead of delivered a fourth time", arguments: StorageBackend.available)
    func timeoutOnLastReceive(backend: StorageBackend) async throws {
        let (queue, clock, store) = try await Self.queue(backend)
        _ = try await queue.enqueue(NewTask(name: "sync"))
        for _ in 1...3 {
            #expect(try await queue.claim(limit: 1, visibilityTimeout: .seconds(5)).count == 1)
            clock.advance(by: 6)
        }
        #expect(try await queue.claim(limit: 1, visibilityTimeout: .seconds(5)).isEmpty)
        #expect(try await queue.deadLetters(limit: 5).first?.lastError.hasPrefix("visibility timeout expired") == true)
        _ = try await queue.enqueue(NewTask(name: "other"))
        #expect(try await queue.replayAll() == 1)
        #expect(try await queue.statistics() == TaskStatistics(queued: 2))
        try await store.close()
    }

    @Test("releasing gives a task back without using up a receive; extending keeps it hidden", arguments: StorageBackend.available)
    func releaseAndExtend(backend: StorageBackend) async throws {
        let (queue, clock, store) = try await Self.queue(backend)
        _ = try await queue.enqueue(NewTask(name: "sync"))
        let task = try #require(try await queue.claim(limit: 1, visibilityTimeout: .seconds(10)).first)
        clock.advance(by: 8)
        #expect(try await queue.extend(task, by: .seconds(10)))
        clock.advance(by: 8)
        #expect(try await queue.claim(limit: 1, visibilityTimeout: .seconds(10)).isEmpty)
        try await queue.release(task)
        let again = try #require(try await queue.claim(limit: 1, visibilityTimeout: .seconds(10)).first)
        #expect(again.receives == 1)
        try await store.close()
    }

    @Test("claims filter by name and take the oldest due first; a later run_at waits", arguments: StorageBackend.available)
    func ordering(backend: StorageBackend) async throws {
        let (queue, clock, store) = try await Self.queue(backend)
        let later = try await queue.enqueue(NewTask(name: "a", runAt: clock.now().addingTimeInterval(60))).id
        let first = try await queue.enqueue(NewTask(name: "a")).id
        _ = try await queue.enqueue(NewTask(name: "b"))
        let claimed = try await queue.claim(limit: 5, visibilityTimeout: .seconds(5), names: ["a"])
        #expect(claimed.map(\.id) == [first])
        for task in claimed { #expect(try await queue.complete(task)) }
        clock.advance(by: 61)
        #expect(try await queue.claim(limit: 5, visibilityTimeout: .seconds(5), names: ["a"]).map(\.id) == [later])
        try await store.close()
    }

    @Test("concurrent claimers never receive the same task", arguments: StorageBackend.available)
    func concurrentClaims(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let queue = SQLTaskQueue(store: store)
        for index in 0..<200 { _ = try await queue.enqueue(NewTask(name: "ping", idempotencyKey: "p\(index)")) }
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var mine: [Int64] = []
                    while let task = try await queue.claim(limit: 3, visibilityTimeout: .seconds(60)).first {
                        mine.append(task.id)
                        #expect(try await queue.complete(task))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        // claim(limit: 3) takes up to three, the loop completes one: the rest time out later, so count claims only.
        #expect(Set(claimed).count == claimed.count)
        try await store.close()
    }
}

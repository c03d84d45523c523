import Foundation
import Platform

/// A task queue that only records what is enqueued; everything else is out of these tests' reach.
actor EnqueueRecorder: TaskQueue {
    private(set) var enqueued: [NewTask] = []

    struct NotRecorded: Error {}

    func enqueue(_ task: NewTask) async throws -> EnqueueResult {
        enqueued.append(task)
        return .enqueued(id: Int64(enqueued.count))
    }

    func claim(limit: Int, visibilityTimeout: Duration, names: Set<String>?) async throws -> [ClaimedTask] { [] }
    func complete(_ task: ClaimedTask) async throws -> Bool { throw NotRecorded() }
    func fail(_ task: ClaimedTask, error: String, retryAt: Date) async throws -> FailureOutcome { throw NotRecorded() }
    func release(_ task: ClaimedTask) async throws { throw NotRecorded() }
    func extend(_ task: ClaimedTask, by: Duration) async throws -> Bool { throw NotRecorded() }
    func tasks(limit: Int) async throws -> [TaskRecord] { throw NotRecorded() }
    func deadLetters(limit: Int) async throws -> [DeadLetter] { throw NotRecorded() }
    func replay(deadLetterID: Int64) async throws -> Int64? { throw NotRecorded() }
    func replayAll() async throws -> Int { throw NotRecorded() }
    func statistics() async throws -> TaskStatistics { throw NotRecorded() }
    func outcome(of id: Int64) async throws -> TaskOutcome { throw NotRecorded() }
}

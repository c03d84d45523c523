import Foundation
import Platform

/// A task queue fake that implements only what its tests reach; every other call throws.
protocol PartialTaskQueue: TaskQueue {}

struct NotImplementedByThisFake: Error {}

extension PartialTaskQueue {
    func enqueue(_ task: NewTask) async throws -> EnqueueResult { throw NotImplementedByThisFake() }
    func claim(limit: Int, visibilityTimeout: Duration, names: Set<String>?) async throws -> [ClaimedTask] { throw NotImplementedByThisFake() }
    func complete(_ task: ClaimedTask) async throws -> Bool { throw NotImplementedByThisFake() }
    func fail(_ task: ClaimedTask, error: String, retryAt: Date) async throws -> FailureOutcome { throw NotImplementedByThisFake() }
    func release(_ task: ClaimedTask) async throws { throw NotImplementedByThisFake() }
    func extend(_ task: ClaimedTask, by: Duration) async throws -> Bool { throw NotImplementedByThisFake() }
    func tasks(limit: Int) async throws -> [TaskRecord] { throw NotImplementedByThisFake() }
    func deadLetters(limit: Int) async throws -> [DeadLetter] { throw NotImplementedByThisFake() }
    func replay(deadLetterID: Int64) async throws -> Int64? { throw NotImplementedByThisFake() }
    func replayAll() async throws -> Int { throw NotImplementedByThisFake() }
    func statistics() async throws -> TaskStatistics { throw NotImplementedByThisFake() }
    func outcome(of id: Int64) async throws -> TaskOutcome { throw NotImplementedByThisFake() }
}

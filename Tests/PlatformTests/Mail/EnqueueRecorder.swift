import Foundation
import Platform

/// A task queue that only records what is enqueued; everything else is out of these tests' reach.
actor EnqueueRecorder: PartialTaskQueue {
    private(set) var enqueued: [NewTask] = []

    func enqueue(_ task: NewTask) async throws -> EnqueueResult {
        enqueued.append(task)
        return .enqueued(id: Int64(enqueued.count))
    }

    func claim(limit: Int, visibilityTimeout: Duration, names: Set<String>?) async throws -> [ClaimedTask] { [] }
}

import Domain
import Foundation
import Platform
import Synchronization
import Testing

@Suite("Worker pool slots")
struct WorkerPoolSlotTests {
    /// In `wayfinder`, tasks run on the event loops and stay on the loop that started them, so a pool's slots
    /// would share one loop. A serial executor preferred by the pool's caller stands in for that loop here.
    @Test("each slot runs its handlers on its own executor, at the same time as the other slots",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "one core runs one slot at a time"))
    func slotsRunOnTheirOwnExecutors() async throws {
        let barrier = PartBarrier(parts: 2)
        let seen = Mutex<[(executor: String?, met: Bool)]>([])
        var handlers = TaskHandlers()
        handlers.register("meet") { _ in
            let executor = OneThreadExecutor.current
            let met = barrier.arriveAndWait(timeout: .seconds(30))
            seen.withLock { $0.append((executor, met)) }
        }
        let queue = HandOut(tasks: 2)
        let pool = WorkerPool(
            queue: queue, handlers: handlers,
            configuration: .init(concurrency: 2, pollInterval: .milliseconds(20),
                                 slotExecutors: [OneThreadExecutor(name: "slot 0"), OneThreadExecutor(name: "slot 1")]),
            clock: SystemWallClock())
        let running = Task {
            await withTaskExecutorPreference(OneThreadExecutor(name: "the pool's loop")) { try? await pool.run() }
        }
        try await queue.waitUntilCompleted(2, timeout: .seconds(60))
        pool.stop()
        await running.value
        let results = seen.withLock { $0 }
        #expect(Set(results.compactMap(\.executor)) == ["slot 0", "slot 1"])
        #expect(results.map(\.met) == [true, true])
    }
}

/// Hands out a fixed number of "meet" tasks, one a claim, and counts the completed ones.
private actor HandOut: PartialTaskQueue {
    private var left: Int
    private var completed = 0

    struct NotCompletedInTime: Error {}

    init(tasks: Int) {
        left = tasks
    }

    func claim(limit: Int, visibilityTimeout: Duration, names: Set<String>?) async throws -> [ClaimedTask] {
        guard left > 0 else { return [] }
        left -= 1
        return [ClaimedTask(id: Int64(left), name: "meet", payload: Data("{}".utf8), receives: 1, lease: "lease \(left)", enqueuedAt: Date())]
    }

    func complete(_ task: ClaimedTask) async throws -> Bool {
        completed += 1
        return true
    }

    func waitUntilCompleted(_ count: Int, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while completed < count {
            guard ContinuousClock.now < deadline else { throw NotCompletedInTime() }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func extend(_ task: ClaimedTask, by: Duration) async throws -> Bool { true }
}

import Dispatch
import Domain
import Foundation
import Testing

@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test("results keep the elements' order, in one part or several")
    func keepsOrder() async {
        let numbers = Array(0..<10_001)
        #expect(await numbers.concurrentMap(minimumPerPart: 100) { $0 * 2 } == numbers.map { $0 * 2 })
        #expect(await numbers.concurrentMap(minimumPerPart: 1_000_000) { $0 + 1 } == numbers.map { $0 + 1 })
        #expect(await [Int]().concurrentMap(minimumPerPart: 1) { $0 }.isEmpty)
    }

    /// In `wayfinder`, tasks run on the event loops, and a child task runs on its parent's loop. A serial
    /// executor preferred by the caller stands in for that loop here.
    @Test("the parts run at the same time even when the caller's tasks all run on one thread",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "one core makes one part: nothing to overlap"))
    func partsRunTogether() async {
        let barrier = PartBarrier(parts: 2)
        let met = await withTaskExecutorPreference(OneThreadExecutor()) {
            await [0, 1].concurrentMap(minimumPerPart: 1) { _ in barrier.arriveAndWait(timeout: .seconds(30)) }
        }
        #expect(met == [true, true])
    }
}

/// Runs every job on one serial queue, as one event loop would.
private final class OneThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "one-thread-executor")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Each part waits here until every part has arrived; true when they all did within the timeout.
private final class PartBarrier: @unchecked Sendable {
    private let lock = NSCondition()
    private var arrived = 0
    private let parts: Int

    init(parts: Int) {
        self.parts = parts
    }

    func arriveAndWait(timeout: Duration) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        arrived += 1
        lock.broadcast()
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds))
        while arrived < parts {
            if !lock.wait(until: deadline) { return false }
        }
        return true
    }
}

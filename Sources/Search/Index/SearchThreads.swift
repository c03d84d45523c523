import Dispatch
import Foundation
import Synchronization

/// Threads kept for the pieces of a search, one per processor, each held to its processor and
/// waiting on its own semaphore: a search wakes the helpers of the processors it does not run on.
///
/// `DispatchQueue.concurrentPerform` asked the shared pool for helpers. Timed inside `serve` between
/// the queries of another process, the second core joined a search 1.5 ms late at the median, and
/// not at all for a quarter of the searches, which then ran on one core. A helper of our own fared
/// no better while it could run anywhere: a thread woken while the other processor sits idle was
/// queued behind the search on the busy one, and preempted it, until the scheduler moved one of
/// them. Held to its own processor, a woken helper starts there within about 50 µs, and the part of
/// a search spent across its segments fell by a third (mean 3.7 to 2.5 ms at 1M postings, interleaved
/// with tantivy).
///
/// The caller always works too, taking pieces in order like the helpers, so a search never waits for
/// a helper to wake, only for the pieces a helper has already taken; searches running at once share
/// the helpers first come, first served.
final class SearchThreads: Sendable {
    static let shared = SearchThreads(processors: ProcessorAffinity.allowedProcessors(),
                                      fallbackCount: ProcessInfo.processInfo.activeProcessorCount)

    /// One map's pieces, handed out one at a time to whichever thread asks next.
    private final class Job: Sendable {
        let count: Int
        let body: @Sendable (Int) -> Void
        let next = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        /// Signalled by whichever thread finishes the last piece.
        let done = DispatchSemaphore(value: 0)

        init(count: Int, body: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.body = body
        }

        /// Runs pieces until none is left to take.
        func work() {
            while true {
                let step = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard step < count else { return }
                body(step)
                if finished.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == count { done.signal() }
            }
        }
    }

    private final class Helper: Sendable {
        /// The processor it is held to, or nil where threads cannot be held.
        let processor: Int?
        let wake = DispatchSemaphore(value: 0)

        init(processor: Int?) {
            self.processor = processor
        }
    }

    private let helpers: [Helper]
    private let jobs = Mutex<[Job]>([])

    /// A helper held to each of `processors`; where they are unknown (or only one), `fallbackCount - 1`
    /// helpers that run wherever the scheduler puts them.
    init(processors: [Int], fallbackCount: Int) {
        helpers = processors.count > 1 ? processors.map { Helper(processor: $0) }
            : (0..<max(0, fallbackCount - 1)).map { _ in Helper(processor: nil) }
        for helper in helpers {
            Thread { [self] in
                ThreadNaming.nameCurrentThread("search-helper")
                if let processor = helper.processor { ProcessorAffinity.pinCurrentThread(to: processor) }
                self.help(as: helper)
            }.start()
        }
    }

    /// Runs `body(0..<count)`, on this thread and the helpers; returns when every piece has run.
    func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1, helpers.count > 0 else {
            for step in 0..<count { body(step) }
            return
        }
        let job = Job(count: count, body: body)
        jobs.withLock { $0.append(job) }
        let here = ProcessorAffinity.currentProcessor()
        var woken = 0
        for helper in helpers where woken < count - 1 && (helper.processor == nil || helper.processor != here) {
            helper.wake.signal()
            woken += 1
        }
        job.work()
        jobs.withLock { $0.removeAll { $0 === job } }
        if job.finished.load(ordering: .acquiring) < count { job.done.wait() }
    }

    private func help(as helper: Helper) {
        while true {
            helper.wake.wait()
            while let job = jobs.withLock({ $0.first }) {
                job.work()
                jobs.withLock { $0.removeAll { $0 === job } }
            }
        }
    }
}

import Dispatch
import Foundation
import Synchronization
import Testing
@testable import Search

/// The threads a search's segments run on: every piece once, the caller working too, helpers
/// joining, nested and simultaneous maps finishing.
@Suite("Search threads")
struct SearchThreadsTests {
    @Test("every piece runs exactly once, and run returns only after the last", arguments: [1, 2, 7, 64])
    func everyPieceOnce(count: Int) {
        let threads = SearchThreads(processors: [], fallbackCount: 3)
        let runs = Mutex([Int](repeating: 0, count: count))
        threads.run(count: count) { step in
            // Uneven pieces, so helpers and caller overlap.
            if step % 3 == 0 { usleep(200) }
            runs.withLock { $0[step] += 1 }
        }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count))
    }

    @Test("a helper takes a piece while the caller is busy with another")
    func helpersJoin() {
        let threads = SearchThreads(processors: [], fallbackCount: 2)
        let started = Mutex(0)
        let met = Mutex(0)
        threads.run(count: 2) { _ in
            // Each piece waits for the other to start: one thread alone would wait out the deadline.
            started.withLock { $0 += 1 }
            let deadline = Date().addingTimeInterval(10)
            while started.withLock({ $0 }) < 2, Date() < deadline { usleep(100) }
            if started.withLock({ $0 }) == 2 { met.withLock { $0 += 1 } }
        }
        #expect(met.withLock { $0 } == 2)
    }

    @Test("a piece may run a map of its own, and maps from many threads at once all finish")
    func nestedAndSimultaneous() {
        let threads = SearchThreads(processors: [], fallbackCount: 3)
        let total = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            threads.run(count: 5) { _ in
                threads.run(count: 3) { _ in total.withLock { $0 += 1 } }
            }
        }
        #expect(total.withLock { $0 } == 8 * 5 * 3)
    }

    #if os(Linux)
    @Test("a helper names its thread, as the kernel shows it")
    func helpersAreNamed() throws {
        let threads = SearchThreads(processors: [], fallbackCount: 2)
        let names = Mutex<[String]>([])
        let started = Mutex(0)
        threads.run(count: 2) { _ in
            // Both pieces wait for each other, so one of them runs on the helper.
            started.withLock { $0 += 1 }
            let deadline = Date().addingTimeInterval(10)
            while started.withLock({ $0 }) < 2, Date() < deadline { usleep(100) }
            let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            names.withLock { $0.append(name.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        #expect(names.withLock { $0 }.contains("search-helper"))
    }

    @Test("a thread held to an allowed processor runs there")
    func pinning() {
        let allowed = ProcessorAffinity.allowedProcessors()
        #expect(!allowed.isEmpty, "Linux reports the processors this process may use")
        guard let last = allowed.last else { return }
        let seen = Mutex<(pinned: Bool, processor: Int?)>((false, nil))
        let done = DispatchSemaphore(value: 0)
        // A thread of its own: the test's thread keeps running wherever it likes.
        Thread {
            let pinned = ProcessorAffinity.pinCurrentThread(to: last)
            seen.withLock { $0 = (pinned, ProcessorAffinity.currentProcessor()) }
            done.signal()
        }.start()
        done.wait()
        let (pinned, processor) = seen.withLock { $0 }
        #expect(pinned)
        #expect(processor == last)
    }
    #endif
}

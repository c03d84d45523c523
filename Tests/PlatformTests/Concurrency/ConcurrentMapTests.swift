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

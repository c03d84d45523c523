import Domain
import Foundation
import Platform
import Synchronization
import Testing

@Suite("Scheduler service")
struct SchedulerServiceTests {
    /// A store that has gone away: every question about schedules fails at once, as a closed database does.
    final class ClosedStore: ScheduleStore {
        let asked = Atomic<Int>(0)
        struct Closed: Error {}

        func save(_ schedule: Schedule) async throws { throw Closed() }
        func remove(name: String) async throws { throw Closed() }
        func schedule(name: String) async throws -> Schedule? { throw Closed() }
        func schedules() async throws -> [Schedule] { throw Closed() }
        func due(at now: Date) async throws -> [Schedule] {
            asked.add(1, ordering: .relaxed)
            throw Closed()
        }
        func fire(_ schedule: Schedule, next: Date, task: NewTask, now: Date) async throws -> Bool { throw Closed() }
    }

    @Test("a cancelled service returns at once instead of ticking without a pause")
    func cancelledServiceReturns() async throws {
        let store = ClosedStore()
        let service = SchedulerService(scheduler: Scheduler(store: store, clock: SystemWallClock()), interval: .seconds(1))
        let finished = Atomic<Bool>(false)
        let running = Task {
            try? await service.run()
            finished.store(true, ordering: .releasing)
        }
        try await Task.sleep(for: .milliseconds(200))
        running.cancel()
        let deadline = ContinuousClock.now + .seconds(5)
        while !finished.load(ordering: .acquiring), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        // Cancelled, the pause between ticks ends at once: a service that went on would tick thousands of times.
        let returned = finished.load(ordering: .acquiring), ticks = store.asked.load(ordering: .relaxed)
        #expect(returned)
        #expect(ticks <= 3)
    }
}

import Domain
import Foundation
import Logging
import Platform
import Storage
import Testing

@Suite("Scheduler and outbox contract")
struct SchedulerAndOutboxContractTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z

    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }

    @Test("two schedulers on one database fire each tick exactly once", arguments: StorageBackend.available)
    func oncePerTick(backend: StorageBackend) async throws {
        try await backend.withTwoStores { storeA, storeB in
        let clock = AdjustableWallClock(Self.start)
        let schedulerA = Scheduler(store: SQLScheduleStore(store: storeA), clock: clock, logger: Self.quiet)
        let schedulerB = Scheduler(store: SQLScheduleStore(store: storeB), clock: clock, logger: Self.quiet)
        try await schedulerA.register(name: "every-minute", cron: "* * * * *", taskName: "ping", payload: Data("{}".utf8))
        try await schedulerA.register(name: "hourly", cron: "cron(0 * * * ? *)", taskName: "ping", payload: Data("{}".utf8))
        var fired: [String] = []
        for _ in 0..<120 {
            clock.advance(by: 60)
            async let a = schedulerA.tick()
            async let b = schedulerB.tick()
            fired += try await a + b
        }
        // Two hours from 11:06:40: 120 minute ticks, and the hours 12:00 and 13:00.
        #expect(fired.filter { $0 == "every-minute" }.count == 120)
        #expect(fired.filter { $0 == "hourly" }.count == 2)
        let statistics = try await SQLTaskQueue(store: storeA, clock: clock).statistics()
        #expect(statistics.queued == 122)
        }
    }

    @Test("a scheduler that was away fires a missed tick once, not once per missed tick", arguments: StorageBackend.available)
    func missedTicks(backend: StorageBackend) async throws {
        let store = try await backend.makeStore()
        let clock = AdjustableWallClock(Self.start)
        let schedules = SQLScheduleStore(store: store)
        let scheduler = Scheduler(store: schedules, clock: clock, logger: Self.quiet)
        try await scheduler.register(name: "six-hourly", cron: "0 */6 * * *", taskName: "ping", payload: Data("{}".utf8))
        #expect(try await schedules.schedule(name: "six-hourly")?.nextRunAt == Date(timeIntervalSince1970: 1_795_003_200))  // 12:00
        clock.advance(by: 3 * 86_400)
        #expect(try await scheduler.tick() == ["six-hourly"])
        #expect(try await scheduler.tick().isEmpty)
        #expect(try await schedules.schedule(name: "six-hourly").map { $0.nextRunAt > clock.now() } == true)
        // Registering again with the same cron keeps the next run; a disabled schedule never fires.
        try await scheduler.register(name: "six-hourly", cron: "0 */6 * * *", taskName: "ping", payload: Data("{}".utf8), enabled: false)
        clock.advance(by: 86_400)
        #expect(try await scheduler.tick().isEmpty)
        try await store.close()
    }

    @Test("outbox events become one delivery task per subscriber, once, however many relays run", arguments: StorageBackend.available)
    func relay(backend: StorageBackend) async throws {
        try await backend.withTwoStores { storeA, storeB in
        let outboxA = SQLEventOutbox(store: storeA), outboxB = SQLEventOutbox(store: storeB)
        try await outboxA.append((1...30).map { DomainEvent(topic: $0 % 3 == 0 ? "job.posted" : "job_sync.completed", payload: Data(#"{"n":\#($0)}"#.utf8), occurredAt: Self.start) })
        let subscribers = ["job_sync.completed": ["metrics", "alerts"], "job.posted": ["alerts"]]
        async let a = outboxA.relay(limit: 7, subscribers: subscribers, now: Self.start)
        async let b = outboxB.relay(limit: 7, subscribers: subscribers, now: Self.start)
        var relayed = try await a + b
        while case let more = try await outboxA.relay(limit: 7, subscribers: subscribers, now: Self.start), more > 0 { relayed += more }
        #expect(relayed == 30)
        let queue = SQLTaskQueue(store: storeA)
        #expect(try await queue.statistics().queued == 20 * 2 + 10)
        let deliveries = try await queue.claim(limit: 100, visibilityTimeout: .seconds(60)).map { try $0.decode(EventDelivery.self) }
        #expect(Set(deliveries.map { "\($0.eventID):\($0.subscriber)" }).count == 50)
        #expect(try await outboxA.recent(limit: 100).allSatisfy { $0.dispatchedAt != nil })
        }
    }
}

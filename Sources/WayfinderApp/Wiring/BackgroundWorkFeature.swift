import Domain
import Foundation
import Logging
import Platform
import ServiceLifecycle
import Storage

/// The shared background machinery: the queue, the scheduler and the outbox on this process's
/// database, and the handlers and subscribers features register.
public struct BackgroundWorkFeature: Sendable {
    public let queue: SQLTaskQueue
    public let schedules: SQLScheduleStore
    public let scheduler: Scheduler
    public let outbox: SQLEventOutbox
    public internal(set) var handlers = TaskHandlers()
    public internal(set) var subscribers = EventSubscribers()
    /// Work features run on every scheduler beat (the publisher queues due deliveries).
    var upkeep: [@Sendable () async throws -> Void] = []
    /// Handlers that run in a pool of their own with their own slots: publishing deliveries mostly wait on
    /// networks, and should neither wait behind a job sync nor hold its slots.
    private(set) var lanes: [String: (handlers: TaskHandlers, concurrency: Int)] = [:]
    let settings: Settings
    let clock: any WallClock
    let logger: Logger

    init(store: any SQLStore, settings: Settings, clock: any WallClock, logger: Logger) {
        queue = SQLTaskQueue(store: store, clock: clock)
        schedules = SQLScheduleStore(store: store)
        scheduler = Scheduler(store: schedules, clock: clock, logger: Logger(label: "wayfinder.scheduler"))
        outbox = SQLEventOutbox(store: store)
        self.settings = settings
        self.clock = clock
        self.logger = logger
        handlers.register(PingTask.name) { _ in }
    }

    mutating func register(_ name: String, _ handler: @escaping TaskHandler) {
        handlers.register(name, handler)
    }

    mutating func register(_ name: String, lane: String, concurrency: Int, _ handler: @escaping TaskHandler) {
        var entry = lanes[lane] ?? (TaskHandlers(), concurrency)
        entry.handlers.register(name, handler)
        lanes[lane] = entry
    }

    mutating func addUpkeep(_ job: @escaping @Sendable () async throws -> Void) {
        upkeep.append(job)
    }

    mutating func subscribe(_ subscriber: String, to topic: String, _ handler: @escaping EventSubscribers.Handler) {
        subscribers.subscribe(subscriber, to: topic, handler)
    }

    /// Every handler, lanes' included, plus the one that hands outbox events to their subscribers.
    public var allHandlers: TaskHandlers {
        var all = generalHandlers
        for (_, lane) in lanes {
            for name in lane.handlers.names { if let handler = lane.handlers.handler(for: name) { all.register(name, handler) } }
        }
        return all
    }

    /// The handlers outside lanes, plus the one that hands outbox events to their subscribers.
    private var generalHandlers: TaskHandlers {
        var all = handlers
        let subscribers = subscribers
        all.register(EventDelivery.taskName) { task in
            let delivery = try task.decode(EventDelivery.self)
            guard let handler = subscribers.handler(named: delivery.subscriber) else { return }
            try await handler(DomainEvent(topic: delivery.topic, payload: Data(delivery.payload.utf8), occurredAt: delivery.occurredAt))
        }
        return all
    }

    /// One pool running every handler (a foreground sync, tests).
    public func workerPool(concurrency: Int? = nil) -> WorkerPool {
        pool(allHandlers, concurrency: concurrency ?? settings.workers)
    }

    /// What `serve` and `work` run: the general pool (`WAYFINDER_WORKERS` slots) and one pool per lane. A process
    /// with no general slots runs no lanes either.
    public func workerPools() -> [WorkerPool] {
        guard settings.workers > 0 else { return [pool(generalHandlers, concurrency: 0)] }
        // Each pool starts its slots on the loop after the previous pool's last, so that the lanes' single
        // slots do not all land on the first loop.
        var pools = [pool(generalHandlers, concurrency: settings.workers)]
        var firstLoop = settings.workers
        for name in lanes.keys.sorted() {
            let lane = lanes[name]!
            pools.append(pool(lane.handlers, concurrency: lane.concurrency, firstLoop: firstLoop))
            firstLoop += lane.concurrency
        }
        return pools
    }

    private func pool(_ handlers: TaskHandlers, concurrency: Int, firstLoop: Int = 0) -> WorkerPool {
        let loops = EventLoopTaskExecutor.eachLoop
        let rotated = loops.indices.map { loops[($0 + firstLoop) % loops.count] }
        return WorkerPool(
            queue: queue, handlers: handlers,
            configuration: .init(concurrency: concurrency, visibilityTimeout: settings.taskVisibilityTimeout,
                                 retryPolicy: RetryPolicy(base: settings.taskRetryBase), slotExecutors: rotated),
            clock: clock, logger: Logger(label: "wayfinder.worker")
        )
    }

    /// Ticks schedules, relays outbox events to delivery tasks, and forgets week-old finished tasks.
    public func schedulerService() -> SchedulerService {
        let outbox = outbox, topics = subscribers.byTopic, clock = clock, queue = queue
        let lastPrune = PruneMarker()
        return SchedulerService(scheduler: scheduler, logger: Logger(label: "wayfinder.scheduler"), upkeep: upkeep + [
            { while try await outbox.relay(limit: 500, subscribers: topics, now: clock.now()) == 500 {} },
            {
                if lastPrune.isDue() { _ = try await queue.pruneFinished(olderThan: .seconds(7 * 86_400)) }
            },
        ])
    }
}

/// A task that does nothing: `wayfinder tasks ping` checks that workers run, and tests drain backlogs of it.
public enum PingTask {
    public static let name = "ping"
}

/// Lets hourly upkeep run at most once an hour per process.
final class PruneMarker: @unchecked Sendable {
    private let lock = NSLock()
    private var last: ContinuousClock.Instant?

    func isDue() -> Bool {
        lock.withLock {
            if let last, ContinuousClock.now - last < .seconds(3_600) { return false }
            last = .now
            return true
        }
    }
}

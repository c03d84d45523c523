import Domain
import Foundation
import Logging

/// Fires due schedules: each tick of each schedule enqueues its task exactly once, however many
/// processes run a scheduler on the same database.
///
/// Firing is a conditional update of the schedule's next run (only the process that moves it from the
/// tick it saw wins) in the same transaction as the enqueue, whose idempotency key names the tick too.
/// A tick missed while nothing ran fires once when a scheduler next looks; missed ticks are not replayed.
public struct Scheduler: Sendable {
    private let store: any ScheduleStore
    private let clock: any WallClock
    private let logger: Logger

    public init(store: any ScheduleStore, clock: any WallClock, logger: Logger = Logger(label: "wayfinder.scheduler")) {
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    /// Creates the schedule, or updates its cron, task and payload; the next run is kept when the cron is unchanged.
    public func register(name: String, cron: String, taskName: String, payload: Data, enabled: Bool = true) async throws {
        let expression = try CronExpression(cron)
        let now = clock.now()
        let existing = try await store.schedule(name: name)
        let next = existing.flatMap { $0.cron == cron ? $0.nextRunAt : nil } ?? expression.next(after: now) ?? .distantFuture
        try await store.save(Schedule(name: name, cron: cron, taskName: taskName, payload: payload, enabled: enabled,
                                      nextRunAt: next, lastRunAt: existing?.lastRunAt))
    }

    /// Fires what is due now; returns the names of the schedules this process fired.
    @discardableResult
    public func tick() async throws -> [String] {
        let now = clock.now()
        var fired: [String] = []
        for schedule in try await store.due(at: now) {
            let next: Date
            do {
                next = try CronExpression(schedule.cron).next(after: now) ?? .distantFuture
            } catch {
                logger.error("schedule has an invalid cron expression; skipped", metadata: ["schedule": "\(schedule.name)", "error": "\(error)"])
                continue
            }
            let tick = Int64((schedule.nextRunAt.timeIntervalSince1970 * 1_000).rounded(.down))
            let task = NewTask(name: schedule.taskName, payload: schedule.payload, idempotencyKey: "schedule:\(schedule.name):\(tick)")
            if try await store.fire(schedule, next: next, task: task, now: now) {
                fired.append(schedule.name)
                logger.info("schedule fired", metadata: ["schedule": "\(schedule.name)", "task": "\(schedule.taskName)", "next": "\(Timestamps.format(next))"])
            }
        }
        return fired
    }
}

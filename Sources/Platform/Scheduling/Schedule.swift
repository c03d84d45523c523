import Foundation

/// A task to enqueue on a cron schedule.
public struct Schedule: Sendable, Equatable {
    /// Unique; features name their schedules (`job_source:12`).
    public var name: String
    public var cron: String
    public var taskName: String
    public var payload: Data
    public var enabled: Bool
    public var nextRunAt: Date
    public var lastRunAt: Date?

    public init(name: String, cron: String, taskName: String, payload: Data, enabled: Bool = true, nextRunAt: Date, lastRunAt: Date? = nil) {
        self.name = name
        self.cron = cron
        self.taskName = taskName
        self.payload = payload
        self.enabled = enabled
        self.nextRunAt = nextRunAt
        self.lastRunAt = lastRunAt
    }
}

/// Where schedules live, shared by every process on the database.
public protocol ScheduleStore: Sendable {
    /// Creates or replaces the schedule of this name.
    func save(_ schedule: Schedule) async throws
    func remove(name: String) async throws
    func schedule(name: String) async throws -> Schedule?
    func schedules() async throws -> [Schedule]
    /// Enabled schedules whose next run is at or before `now`.
    func due(at now: Date) async throws -> [Schedule]
    /// Advances `schedule` from its `nextRunAt` to `next` and enqueues `task`, together or not at all.
    /// Returns false, doing nothing, when another process already fired this tick.
    func fire(_ schedule: Schedule, next: Date, task: NewTask, now: Date) async throws -> Bool
}

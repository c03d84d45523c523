import Foundation

/// A durable queue of background tasks shared by every process on one database.
///
/// Delivery is at least once: a claimed task is invisible to other workers for its visibility
/// timeout, and comes back if the worker neither completes nor fails it by then (a crash, a kill).
/// Each claim counts as a receive; a task that fails on its last allowed receive, or whose last
/// receive times out, moves to the dead letters with its last error, where an operator can replay it.
public protocol TaskQueue: Sendable {
    /// Adds a task. With an idempotency key, a second enqueue of the same key (while the first is
    /// queued, running, done within the retention, or dead) adds nothing and returns the first task's id.
    func enqueue(_ task: NewTask) async throws -> EnqueueResult
    /// Claims up to `limit` visible tasks (optionally only these names), oldest due first.
    func claim(limit: Int, visibilityTimeout: Duration, names: Set<String>?) async throws -> [ClaimedTask]
    /// Marks a claimed task done. False when the claim was lost (it timed out and was claimed again).
    @discardableResult
    func complete(_ task: ClaimedTask) async throws -> Bool
    /// Records a failure: the task comes back at `retryAt`, or moves to the dead letters after its last receive.
    func fail(_ task: ClaimedTask, error: String, retryAt: Date) async throws -> FailureOutcome
    /// Gives a claimed task back without counting the receive (a worker shutting down).
    func release(_ task: ClaimedTask) async throws
    /// Pushes a claimed task's visibility timeout further out, for work that takes long.
    func extend(_ task: ClaimedTask, by: Duration) async throws -> Bool
    func tasks(limit: Int) async throws -> [TaskRecord]
    func deadLetters(limit: Int) async throws -> [DeadLetter]
    /// Puts a dead letter back on the queue with a fresh receive count; nil when there is no such dead letter.
    func replay(deadLetterID: Int64) async throws -> Int64?
    /// Replays every dead letter; returns how many.
    func replayAll() async throws -> Int
    func statistics() async throws -> TaskStatistics
    /// Where a task stands: still to run, done, dead, or unknown (pruned, or never enqueued).
    func outcome(of id: Int64) async throws -> TaskOutcome
}

public enum TaskOutcome: Sendable, Equatable {
    case pending(TaskRecord)
    case done(TaskRecord)
    case dead(DeadLetter)
    case unknown

    public var isFinal: Bool {
        switch self {
        case .pending: false
        case .done, .dead, .unknown: true
        }
    }
}

extension TaskQueue {
    public func claim(limit: Int, visibilityTimeout: Duration) async throws -> [ClaimedTask] {
        try await claim(limit: limit, visibilityTimeout: visibilityTimeout, names: nil)
    }
}

/// A task to add: a handler name, a JSON payload, and optionally an idempotency key and a start time.
public struct NewTask: Sendable, Equatable {
    public var name: String
    public var payload: Data
    public var idempotencyKey: String?
    /// Not before this time; nil means now.
    public var runAt: Date?

    public init(name: String, payload: Data = Data("{}".utf8), idempotencyKey: String? = nil, runAt: Date? = nil) {
        self.name = name
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.runAt = runAt
    }

    public init(name: String, json: some Encodable, idempotencyKey: String? = nil, runAt: Date? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.init(name: name, payload: try encoder.encode(json), idempotencyKey: idempotencyKey, runAt: runAt)
    }
}

public enum EnqueueResult: Sendable, Equatable {
    case enqueued(id: Int64)
    /// The idempotency key was already used by this task.
    case duplicate(id: Int64)

    public var id: Int64 {
        switch self {
        case .enqueued(let id), .duplicate(let id): id
        }
    }
}

/// A task a worker holds. `lease` proves the claim: completing or failing with a stale lease does nothing.
public struct ClaimedTask: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var payload: Data
    /// How many times the task has been delivered, this time included.
    public var receives: Int
    public var lease: String
    public var enqueuedAt: Date

    public init(id: Int64, name: String, payload: Data, receives: Int, lease: String, enqueuedAt: Date) {
        self.id = id
        self.name = name
        self.payload = payload
        self.receives = receives
        self.lease = lease
        self.enqueuedAt = enqueuedAt
    }

    public func decode<Payload: Decodable>(_ type: Payload.Type) throws -> Payload {
        try JSONDecoder().decode(type, from: payload)
    }
}

public enum FailureOutcome: Sendable, Equatable {
    case willRetry(at: Date)
    case deadLettered
    /// The claim had already been lost; the failure was not recorded.
    case leaseLost
}

public enum TaskState: String, Sendable, Codable, CaseIterable {
    case queued, running, done
}

/// A task as an operator sees it.
public struct TaskRecord: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var payload: Data
    public var idempotencyKey: String?
    public var state: TaskState
    public var receives: Int
    /// When it may next be claimed (queued), when its claim expires (running), or when it finished (done).
    public var visibleAt: Date
    public var lastError: String?
    public var enqueuedAt: Date
    public var updatedAt: Date

    public init(id: Int64, name: String, payload: Data, idempotencyKey: String?, state: TaskState, receives: Int,
                visibleAt: Date, lastError: String?, enqueuedAt: Date, updatedAt: Date) {
        self.id = id
        self.name = name
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.state = state
        self.receives = receives
        self.visibleAt = visibleAt
        self.lastError = lastError
        self.enqueuedAt = enqueuedAt
        self.updatedAt = updatedAt
    }
}

/// A task that ran out of receives.
public struct DeadLetter: Sendable, Equatable {
    public var id: Int64
    public var taskID: Int64
    public var name: String
    public var payload: Data
    public var idempotencyKey: String?
    public var receives: Int
    public var lastError: String
    public var enqueuedAt: Date
    public var diedAt: Date

    public init(id: Int64, taskID: Int64, name: String, payload: Data, idempotencyKey: String?, receives: Int,
                lastError: String, enqueuedAt: Date, diedAt: Date) {
        self.id = id
        self.taskID = taskID
        self.name = name
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.receives = receives
        self.lastError = lastError
        self.enqueuedAt = enqueuedAt
        self.diedAt = diedAt
    }
}

public struct TaskStatistics: Sendable, Equatable {
    public var queued: Int
    public var running: Int
    public var done: Int
    public var dead: Int

    public init(queued: Int = 0, running: Int = 0, done: Int = 0, dead: Int = 0) {
        self.queued = queued
        self.running = running
        self.done = done
        self.dead = dead
    }
}

import Foundation

/// Runs one claimed task. Throwing fails it (it is retried, then dead-lettered); an error that is
/// `RetryAfterHinting` makes the retry wait at least as long as it asks.
public typealias TaskHandler = @Sendable (ClaimedTask) async throws -> Void

/// The handlers a worker runs, by the stable snake_case name tasks are enqueued with.
public struct TaskHandlers: Sendable {
    private var handlers: [String: TaskHandler] = [:]

    public init() {}

    public mutating func register(_ name: String, _ handler: @escaping TaskHandler) {
        precondition(handlers[name] == nil, "two handlers for task \(name)")
        handlers[name] = handler
    }

    public var names: Set<String> { Set(handlers.keys) }

    public func handler(for name: String) -> TaskHandler? { handlers[name] }
}

/// Features subscribe to outbox topics under a stable subscriber name; each event reaches each
/// subscriber through its own delivery task, so one slow or failing subscriber holds up no other.
public struct EventSubscribers: Sendable {
    public typealias Handler = @Sendable (DomainEvent) async throws -> Void
    private var handlers: [String: Handler] = [:]
    private var topics: [String: [String]] = [:]

    public init() {}

    public mutating func subscribe(_ subscriber: String, to topic: String, _ handler: @escaping Handler) {
        precondition(handlers[subscriber] == nil, "two subscribers named \(subscriber)")
        handlers[subscriber] = handler
        topics[topic, default: []].append(subscriber)
    }

    /// Topic → subscriber names, as the relay needs them.
    public var byTopic: [String: [String]] { topics }

    public func handler(named subscriber: String) -> Handler? { handlers[subscriber] }
}

import Dispatch

/// Runs every job on one serial queue, as one event loop would.
final class OneThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue
    private static let nameKey = DispatchSpecificKey<String>()

    init(name: String = "one-thread-executor") {
        queue = DispatchQueue(label: name)
        queue.setSpecific(key: Self.nameKey, value: name)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// The name of the executor whose queue runs the caller, if any.
    static var current: String? { DispatchQueue.getSpecific(key: nameKey) }
}

import Domain
import Foundation
import Logging
import ServiceLifecycle

/// Runs queued tasks: `concurrency` slots, each claiming one task at a time and running its handler.
///
/// While a handler runs, its claim is extended every third of the visibility timeout, so a long task
/// is not delivered twice, while a killed process's task comes back once the timeout passes. On a
/// graceful shutdown the pool stops claiming; running tasks get `shutdownGrace` to finish and are then
/// cancelled and released to another worker, so no task is lost.
public struct WorkerPool: Service {
    public struct Configuration: Sendable {
        public var concurrency: Int
        public var visibilityTimeout: Duration
        public var pollInterval: Duration
        public var shutdownGrace: Duration
        public var retryPolicy: RetryPolicy
        /// Where each slot runs, in turn (slot `i` on `slotExecutors[i % count]`); empty: where the pool runs.
        /// Where tasks stay on the thread that started them (the event loops, in `wayfinder`), slots started
        /// without these would share one thread, and CPU-heavy handlers one core.
        public var slotExecutors: [any TaskExecutor]

        public init(concurrency: Int = 2, visibilityTimeout: Duration = .seconds(300), pollInterval: Duration = .milliseconds(500),
                    shutdownGrace: Duration = .seconds(20), retryPolicy: RetryPolicy = RetryPolicy(),
                    slotExecutors: [any TaskExecutor] = []) {
            self.concurrency = concurrency
            self.visibilityTimeout = visibilityTimeout
            self.pollInterval = pollInterval
            self.shutdownGrace = shutdownGrace
            self.retryPolicy = retryPolicy
            self.slotExecutors = slotExecutors
        }

        func executor(forSlot slot: Int) -> (any TaskExecutor)? {
            slotExecutors.isEmpty ? nil : slotExecutors[slot % slotExecutors.count]
        }
    }

    private let queue: any TaskQueue
    private let handlers: TaskHandlers
    private let configuration: Configuration
    private let clock: any WallClock
    private let logger: Logger
    private let stopping = StopSignal()

    public init(queue: any TaskQueue, handlers: TaskHandlers, configuration: Configuration, clock: any WallClock,
                logger: Logger = Logger(label: "wayfinder.worker")) {
        self.queue = queue
        self.handlers = handlers
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for slot in 0..<configuration.concurrency {
                    group.addTask(executorPreference: configuration.executor(forSlot: slot)) { await runSlot(slot) }
                }
                if configuration.concurrency == 0 { await stopping.wait() }
            }
        } onGracefulShutdown: {
            stopping.stop()
        }
    }

    /// Stops claiming (what a graceful shutdown does), for callers that run the pool without a ServiceGroup.
    public func stop() { stopping.stop() }

    private func runSlot(_ slot: Int) async {
        // A cancelled pool stops like a stopped one, rather than retrying a claim that cancellation fails.
        while !stopping.isStopped, !Task.isCancelled {
            let claimed: [ClaimedTask]
            do {
                claimed = try await queue.claim(limit: 1, visibilityTimeout: configuration.visibilityTimeout, names: handlers.names)
            } catch {
                logger.warning("could not claim tasks; retrying", metadata: ["error": "\(error)"])
                await stopping.sleep(configuration.pollInterval * 4)
                continue
            }
            guard let task = claimed.first else {
                await stopping.sleep(configuration.pollInterval)
                continue
            }
            await execute(task, on: configuration.executor(forSlot: slot))
        }
    }

    /// Runs one task through to completion, failure or release; its handler prefers `executor` when one is given.
    public func execute(_ task: ClaimedTask, on executor: (any TaskExecutor)? = nil) async {
        guard let handler = handlers.handler(for: task.name) else { return }
        var metadata: Logger.Metadata = ["task": "\(task.name)", "task_id": "\(task.id)", "receive": "\(task.receives)"]
        logger.debug("task started", metadata: metadata)
        let started = ContinuousClock.now
        let work = Task(executorPreference: executor) { try await handler(task) }
        let keeper = Task { await keepClaim(task, while: work) }
        let result = await work.result
        keeper.cancel()
        metadata["seconds"] = "\(String(format: "%.3f", (ContinuousClock.now - started).seconds))"
        do {
            switch result {
            case .success:
                if try await queue.complete(task) {
                    logger.info("task done", metadata: metadata)
                } else {
                    logger.warning("task finished after its claim expired; another worker has it", metadata: metadata)
                }
            case .failure(let error) where stopping.isStopped && (error is CancellationError || work.isCancelled):
                try await queue.release(task)
                logger.notice("task released at shutdown", metadata: metadata)
            case .failure(let error):
                let hint = (error as? any RetryAfterHinting)?.retryAfter
                let retryAt = configuration.retryPolicy.retryAt(now: clock.now(), afterReceive: task.receives, retryAfter: hint)
                let message = String(describing: error)
                metadata["error"] = "\(message)"
                switch try await queue.fail(task, error: message, retryAt: retryAt) {
                case .willRetry(let at):
                    metadata["retry_at"] = "\(Timestamps.format(at))"
                    logger.warning("task failed; will retry", metadata: metadata)
                case .deadLettered:
                    logger.error("task failed on its last receive; moved to dead letters", metadata: metadata)
                case .leaseLost:
                    logger.warning("task failed after its claim expired", metadata: metadata)
                }
            }
        } catch {
            // The claim times out and the task comes back: nothing is lost, at worst it runs again.
            logger.error("could not record a task's outcome", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    /// Extends the claim while `work` runs; cancels `work` when shutdown's grace period runs out.
    private func keepClaim(_ task: ClaimedTask, while work: Task<Void, any Error>) async {
        let beat = configuration.visibilityTimeout / 3
        var graceEnds: ContinuousClock.Instant?
        while !Task.isCancelled {
            await stopping.sleep(beat)
            if Task.isCancelled { return }
            if stopping.isStopped {
                let deadline = graceEnds ?? ContinuousClock.now + configuration.shutdownGrace
                graceEnds = deadline
                if ContinuousClock.now >= deadline {
                    work.cancel()
                    return
                }
                try? await Task.sleep(until: min(deadline, ContinuousClock.now + beat))
                if ContinuousClock.now >= deadline {
                    work.cancel()
                    return
                }
            }
            _ = try? await queue.extend(task, by: configuration.visibilityTimeout)
        }
    }
}

extension WorkerPool: CustomStringConvertible {
    /// ServiceLifecycle names each service by its description; the default reflects over every stored
    /// property (stores, handlers), which took a noticeable part of a server's start.
    public var description: String { "WorkerPool" }
}

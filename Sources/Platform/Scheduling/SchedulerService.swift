import Foundation
import Logging
import ServiceLifecycle

/// Ticks the scheduler every `interval` until shutdown. Every `serve` and `work` process runs one;
/// the store makes sure each tick fires once among them.
public struct SchedulerService: Service {
    private let scheduler: Scheduler
    private let interval: Duration
    private let logger: Logger
    /// Extra upkeep run on the same beat (the outbox relay, pruning); failures are logged, never fatal.
    private let upkeep: [@Sendable () async throws -> Void]

    public init(scheduler: Scheduler, interval: Duration = .seconds(1), logger: Logger = Logger(label: "wayfinder.scheduler"),
                upkeep: [@Sendable () async throws -> Void] = []) {
        self.scheduler = scheduler
        self.interval = interval
        self.logger = logger
        self.upkeep = upkeep
    }

    public func run() async throws {
        let stopping = StopSignal()
        await withGracefulShutdownHandler {
            while !stopping.isStopped, !Task.isCancelled {
                do {
                    try await scheduler.tick()
                } catch {
                    logger.warning("scheduler tick failed; next tick retries", metadata: ["error": "\(error)"])
                }
                for job in upkeep {
                    do { try await job() } catch {
                        logger.warning("background upkeep failed; retrying", metadata: ["error": "\(error)"])
                    }
                }
                await stopping.sleep(interval)
            }
        } onGracefulShutdown: {
            stopping.stop()
        }
    }
}

extension SchedulerService: CustomStringConvertible {
    /// A short name for ServiceLifecycle's logs instead of a reflection over the scheduler and its store.
    public var description: String { "SchedulerService" }
}

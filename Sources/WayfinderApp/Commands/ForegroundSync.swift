import Domain
import Foundation
import JobPostings
import Platform

/// `wayfinder sources sync`: queues a sync task per source and runs workers in this process until each
/// task has finished, retries and `Retry-After` waits included, so the foreground run goes through
/// exactly the pipeline a scheduled one does. A worker of another process may take a task; it is
/// waited for all the same.
public struct ForegroundSync {
    public let services: AppServices
    /// Called while waiting, with a line about a task that is waiting for a retry.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(services: AppServices) {
        self.services = services
    }

    public struct Outcome: Sendable {
        public var source: JobSource
        public var taskID: Int64
        public var task: TaskOutcome
        public var lastRun: SyncRun?

        public var succeeded: Bool {
            if case .done = task { return lastRun?.status == .succeeded }
            return false
        }
    }

    public func run(sourceIDs: [Int64]) async throws -> [Outcome] {
        let jobSources = services.jobSources.service
        var requested: [(Int64, Int64)] = []
        for id in sourceIDs { requested.append((id, try await jobSources.requestSync(id: id))) }
        // One slot per source (up to 8), so a slow board holds up only itself.
        let pool = services.backgroundWork.workerPool(concurrency: min(8, max(2, services.settings.workers, sourceIDs.count)))
        let running = Task { try await pool.run() }
        defer { pool.stop() }
        let queue = services.backgroundWork.queue
        var reported: [Int64: Int] = [:]
        while true {
            var pending = false
            for (_, taskID) in requested {
                let outcome = try await queue.outcome(of: taskID)
                if case .pending(let record) = outcome {
                    pending = true
                    if record.state == .queued, record.receives > 0, reported[taskID] != record.receives {
                        reported[taskID] = record.receives
                        progress("task \(taskID): receive \(record.receives) failed (\(record.lastError ?? "no message")); retrying at \(Timestamps.format(record.visibleAt))")
                    }
                }
            }
            if !pending { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        pool.stop()
        _ = await running.result
        var outcomes: [Outcome] = []
        for (sourceID, taskID) in requested {
            let status = try await jobSources.status(id: sourceID)
            outcomes.append(Outcome(source: status.source, taskID: taskID, task: try await queue.outcome(of: taskID), lastRun: status.lastRun))
        }
        return outcomes
    }
}

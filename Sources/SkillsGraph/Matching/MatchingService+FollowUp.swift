import Domain
import Foundation
import Platform

extension MatchingService {
    /// Runs matching now, or, when another run holds the lease, queues one run to follow it and returns.
    ///
    /// The run that is going may have read the postings before the change that asked for this one, so one more
    /// run must come after it; a task that failed instead would be retried with backoff and, after three tries
    /// behind a long run, dead-lettered. Requests within one minute share one follow-up (an idempotency key per
    /// minute); a follow-up that still finds the lease taken queues the next.
    public func runOrFollow(queue: any TaskQueue, taskName: String, delay: TimeInterval = 60) async throws {
        do {
            _ = try await run()
        } catch DomainError.conflict(_) {
            let at = clock.now().addingTimeInterval(delay)
            let minute = Int(at.timeIntervalSince1970 / 60)
            _ = try await queue.enqueue(NewTask(name: taskName, idempotencyKey: "\(taskName)-follow-up-\(minute)", runAt: at))
        }
    }
}

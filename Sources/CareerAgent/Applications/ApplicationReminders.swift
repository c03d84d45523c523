import Domain
import Foundation

/// Sends the reminder for an application's next action once its date has come: one mail per
/// next-action date (a new date is reminded of again), queued so a failed send is retried.
public struct ApplicationReminders: Sendable {
    public static let taskName = "remind_applications"

    /// Delivers one reminder; the key makes a repeated run enqueue it once.
    public typealias Deliver = @Sendable (_ application: JobApplication, _ idempotencyKey: String) async throws -> Void

    private let repository: any ApplicationRepository
    private let clock: any WallClock
    private let deliver: Deliver

    public init(repository: any ApplicationRepository, clock: any WallClock, deliver: @escaping Deliver) {
        self.repository = repository
        self.clock = clock
        self.deliver = deliver
    }

    /// Reminds of every due next action; returns how many reminders went out.
    public func run() async throws -> Int {
        var sent = 0
        var seen: Set<String> = []
        while true {
            // A row that would not take its mark must not be reminded of forever.
            let due = try await repository.dueReminders(at: clock.now(), limit: 200).filter { !seen.contains($0.id) }
            guard !due.isEmpty else { return sent }
            for application in due {
                seen.insert(application.id)
                guard let date = application.nextActionDate else { continue }
                try await deliver(application, "reminder:\(application.id):\(Int64(date.timeIntervalSince1970))")
                try await repository.markReminded(id: application.id, for: date)
                sent += 1
            }
        }
    }
}

import Domain
import Foundation

/// Notifications of the skills graph: new matches, contact requests and answers, assessment results
/// and reviews. Each lands in the inbox once (by its key) and goes out by mail through the queue as
/// its user prefers: at once, in a daily digest, or not at all.
public struct NotificationService: Sendable {
    let repository: any NotificationRepository
    let mailer: (any NotificationMailer)?
    let clock: any WallClock
    let publicURL: String

    public init(repository: any NotificationRepository, mailer: (any NotificationMailer)?, clock: any WallClock, publicURL: String) {
        self.repository = repository
        self.mailer = mailer
        self.clock = clock
        self.publicURL = publicURL
    }

    /// Adds a notification; `key` makes a repeated event (a retried task) notify once.
    public func notify(userID: String, kind: SkillsNotification.Kind, title: String, body: String, link: String?, key: String) async throws {
        let now = clock.now()
        let notification = SkillsNotification(id: UUID().uuidString.lowercased(), userID: userID, kind: kind, title: title, body: body,
                                              link: link, createdAt: now)
        guard try await repository.insert(notification, key: key) else { return }
        guard let mailer, try await repository.mailPreference(userID: userID) == .immediate else { return }
        let text = "\(body)\n\n" + (link.map { "Open it: \(publicURL)\($0)\n\n" } ?? "")
            + "You get this mail because notifications by mail are on in your Wayfinder settings (/notifications)."
        try await mailer.mail(userID: userID, subject: title, text: text, idempotencyKey: "notification:\(notification.id)")
        try await repository.markMailed(ids: [notification.id], at: now)
    }

    public func inbox(actor: Actor, unreadOnly: Bool = false, limit: Int = 50) async throws -> (items: [SkillsNotification], unread: Int) {
        (try await repository.notifications(userID: actor.userID, unreadOnly: unreadOnly, limit: max(1, min(limit, 200))),
         try await repository.unreadCount(userID: actor.userID))
    }

    public func markRead(actor: Actor, ids: [String]?) async throws -> Int {
        try await repository.markRead(userID: actor.userID, ids: ids, at: clock.now())
    }

    public func mailPreference(actor: Actor) async throws -> NotificationMail {
        try await repository.mailPreference(userID: actor.userID)
    }

    public func setMailPreference(actor: Actor, _ preference: NotificationMail) async throws {
        try await repository.setMailPreference(userID: actor.userID, preference)
    }

    /// The daily digest: for each user who asked for one, everything not yet mailed, in one mail.
    public func sendDigests() async throws -> Int {
        guard let mailer else { return 0 }
        let now = clock.now()
        var sent = 0
        for (userID, items) in try await repository.unmailedDigests(before: now) where !items.isEmpty {
            let lines = items.map { "• \($0.title)\n  \($0.body)" + ($0.link.map { "\n  \(publicURL)\($0)" } ?? "") }
            let text = "What happened since your last digest:\n\n" + lines.joined(separator: "\n\n")
                + "\n\nYou get this digest because you chose a daily mail in your Wayfinder settings (/notifications)."
            let day = UTCDay.string(now)
            try await mailer.mail(userID: userID, subject: "Wayfinder: \(items.count) new notification\(items.count == 1 ? "" : "s")",
                                  text: text, idempotencyKey: "digest:\(userID):\(day)")
            try await repository.markMailed(ids: items.map(\.id), at: now)
            sent += 1
        }
        return sent
    }
}

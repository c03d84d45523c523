import Foundation

/// An entry of a user's in-app inbox, mailed at once or in the daily digest as they prefer.
public struct SkillsNotification: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case match, contactRequest = "contact_request", contactAnswer = "contact_answer", assessmentResult = "assessment_result"
        case review, invitation
    }

    public var id: String
    public var userID: String
    public var kind: Kind
    public var title: String
    public var body: String
    /// A path of the web app ("/matches").
    public var link: String?
    public var createdAt: Date
    public var readAt: Date?
    /// When it went out by mail (alone or in a digest); nil while it has not.
    public var mailedAt: Date?

    public init(id: String, userID: String, kind: Kind, title: String, body: String, link: String?, createdAt: Date,
                readAt: Date? = nil, mailedAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
        self.mailedAt = mailedAt
    }
}

/// How a user wants notifications by mail.
public enum NotificationMail: String, Sendable, Codable, CaseIterable {
    /// Each one when it happens.
    case immediate
    /// One mail a day with everything new.
    case daily
    /// In the app only.
    case off
}

public protocol NotificationRepository: Sendable {
    /// Adds the notification unless one with the same key exists; false when it did.
    func insert(_ notification: SkillsNotification, key: String) async throws -> Bool
    func notifications(userID: String, unreadOnly: Bool, limit: Int) async throws -> [SkillsNotification]
    func unreadCount(userID: String) async throws -> Int
    /// Marks the user's notifications read (all of them when `ids` is nil); returns how many changed.
    func markRead(userID: String, ids: [String]?, at time: Date) async throws -> Int
    func mailPreference(userID: String) async throws -> NotificationMail
    func setMailPreference(userID: String, _ preference: NotificationMail) async throws
    /// Notifications not yet mailed of users who want a daily digest, by user.
    func unmailedDigests(before time: Date) async throws -> [String: [SkillsNotification]]
    func markMailed(ids: [String], at time: Date) async throws
}

/// Sends one notification mail to a user (their address is the sender's business).
public protocol NotificationMailer: Sendable {
    func mail(userID: String, subject: String, text: String, idempotencyKey: String) async throws
}

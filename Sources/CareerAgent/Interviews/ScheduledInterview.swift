import Foundation

/// An interview in the user's calendar, put there by confirming a message.
public struct ScheduledInterview: Sendable, Equatable {
    public enum Status: String, Sendable, Codable { case scheduled, cancelled }

    public var id: String
    public var userID: String
    public var applicationID: String
    public var emailID: String?
    public var company: String
    public var title: String
    public var start: Date
    /// The start as the message stated it, with its zone's offset.
    public var startText: String
    public var timeZone: String?
    public var durationMinutes: Int
    public var locationOrLink: String?
    public var locationType: InterviewLocationType?
    public var status: Status
    /// The UID calendars know it by: the invitation's own when it came with one, so an updated
    /// invitation replaces it; SEQUENCE goes up with every change.
    public var calendarUID: String
    public var sequence: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, userID: String, applicationID: String, emailID: String?, company: String, title: String, start: Date,
                startText: String, timeZone: String?, durationMinutes: Int, locationOrLink: String?, locationType: InterviewLocationType?,
                status: Status, calendarUID: String, sequence: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.userID = userID
        self.applicationID = applicationID
        self.emailID = emailID
        self.company = company
        self.title = title
        self.start = start
        self.startText = startText
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.locationOrLink = locationOrLink
        self.locationType = locationType
        self.status = status
        self.calendarUID = calendarUID
        self.sequence = sequence
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var end: Date { start.addingTimeInterval(TimeInterval(durationMinutes * 60)) }
}

/// Where interviews and the calendar feed's token are kept.
public protocol InterviewRepository: Sendable {
    /// Inserts, or replaces the one with the same id.
    func save(_ interview: ScheduledInterview) async throws
    func interview(id: String, owner: String) async throws -> ScheduledInterview?
    /// In start order.
    func interviews(owner: String) async throws -> [ScheduledInterview]
    func interview(calendarUID: String, owner: String) async throws -> ScheduledInterview?

    /// The feed token's digest: one per user, replaced when rotated.
    func setFeedToken(digest: String, owner: String, createdAt: Date) async throws
    func removeFeedToken(owner: String) async throws -> Bool
    func feedOwner(digest: String) async throws -> String?
    func feedCreatedAt(owner: String) async throws -> Date?
}

import Foundation

/// A search a user keeps, and whether and how often it should alert them of new postings.
public struct SavedSearch: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var name: String
    /// The canonical `GET /api/v1/jobs` query string (see `JobSearchQuery.canonicalQueryString`).
    public var query: String
    /// Two searches of one user with the same key find the same postings.
    public var matchingKey: String
    public var alertEnabled: Bool
    public var alertFrequency: AlertFrequency
    /// Postings first stored after this row id are new to this search's next alert.
    public var alertWatermark: Int64
    public var lastAlertedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, userID: String, name: String, query: String, matchingKey: String, alertEnabled: Bool,
        alertFrequency: AlertFrequency, alertWatermark: Int64, lastAlertedAt: Date?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.query = query
        self.matchingKey = matchingKey
        self.alertEnabled = alertEnabled
        self.alertFrequency = alertFrequency
        self.alertWatermark = alertWatermark
        self.lastAlertedAt = lastAlertedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public enum AlertFrequency: String, Sendable, CaseIterable, Codable {
    case instant, daily, weekly

    /// How long after the last digest the next may go out.
    public var interval: TimeInterval {
        switch self {
        case .instant: 0
        case .daily: 86_400
        case .weekly: 7 * 86_400
        }
    }
}

import Domain
import Foundation
import JobPostings
import Platform

/// A user's saved searches: the query of `GET /api/v1/jobs`, a name, and alert settings.
public struct SavedSearchService: Sendable {
    public static let savedTopic = "search.saved"
    public static let maximumPerUser = 50
    let searches: any SavedSearchRepository
    let feed: any NewPostingFeed
    let clock: any WallClock

    public init(searches: any SavedSearchRepository, feed: any NewPostingFeed, clock: any WallClock) {
        self.searches = searches
        self.feed = feed
        self.clock = clock
    }

    /// What a client sends to create or replace a search.
    public struct Input: Sendable {
        public var name: String?
        public var query: String?
        public var alertEnabled: Bool?
        public var alertFrequency: String?

        public init(name: String?, query: String?, alertEnabled: Bool?, alertFrequency: String?) {
            self.name = name
            self.query = query
            self.alertEnabled = alertEnabled
            self.alertFrequency = alertFrequency
        }
    }

    public func create(actor: Actor, input: Input) async throws -> SavedSearch {
        let (name, query, enabled, frequency) = try validate(input)
        guard try await searches.searches(userID: actor.userID).count < Self.maximumPerUser else {
            throw DomainError.conflict("An account may keep at most \(Self.maximumPerUser) saved searches.")
        }
        let now = clock.now()
        let search = SavedSearch(
            id: SecretToken.identifier(), userID: actor.userID, name: name, query: query.canonicalQueryString,
            matchingKey: query.matchingKey, alertEnabled: enabled, alertFrequency: frequency,
            // Only postings first seen after saving are news to this search.
            alertWatermark: try await feed.latestRowID(), lastAlertedAt: nil, createdAt: now, updatedAt: now
        )
        let event = try DomainEvent(topic: Self.savedTopic, json: SearchSaved(search), occurredAt: now)
        try await searches.create(search, event: event)
        return search
    }

    public func list(actor: Actor) async throws -> [SavedSearch] {
        try await searches.searches(userID: actor.userID)
    }

    public func search(actor: Actor, id: String) async throws -> SavedSearch {
        guard let search = try await searches.search(id: id, userID: actor.userID) else {
            throw DomainError.notFound("There is no saved search \(id).")
        }
        return search
    }

    /// Replaces a search's name, query and alert settings.
    public func replace(actor: Actor, id: String, input: Input) async throws -> SavedSearch {
        var search = try await search(actor: actor, id: id)
        let (name, query, enabled, frequency) = try validate(input)
        search.name = name
        search.query = query.canonicalQueryString
        search.matchingKey = query.matchingKey
        search.alertEnabled = enabled
        search.alertFrequency = frequency
        search.updatedAt = clock.now()
        try await searches.update(search)
        return search
    }

    public func delete(actor: Actor, id: String) async throws {
        guard try await searches.delete(id: id, userID: actor.userID) else { throw DomainError.notFound("There is no saved search \(id).") }
    }

    private func validate(_ input: Input) throws -> (String, JobSearchQuery, Bool, AlertFrequency) {
        var errors: [FieldError] = []
        let name = (input.name ?? "").trimmingWhitespace()
        if name.isEmpty || name.count > 100 { errors.append(FieldError(field: "name", message: "must be 1 to 100 characters")) }
        var query = JobSearchQuery()
        do {
            // The same parser as GET /api/v1/jobs; a leading '?' is allowed.
            let raw = input.query.map { $0.hasPrefix("?") ? String($0.dropFirst()) : $0 } ?? ""
            query = try JobSearchParameters.parse(QueryParameters(rawQuery: raw))
            if query.cursor != nil { errors.append(FieldError(field: "query.cursor", message: "is a page of results, not part of a search")) }
        } catch DomainError.badRequest(_, let fields) {
            errors += fields.map { FieldError(field: "query.\($0.field)", message: $0.message) }
        }
        let frequency = AlertFrequency(rawValue: input.alertFrequency ?? "daily")
        if frequency == nil { errors.append(FieldError(field: "alert_frequency", message: "must be instant, daily or weekly")) }
        guard errors.isEmpty, let frequency else { throw DomainError.invalid("The saved search is not valid.", fieldErrors: errors) }
        return (name, query, input.alertEnabled ?? true, frequency)
    }
}

/// The `search.saved` event's payload.
struct SearchSaved: Encodable {
    var searchID: String
    var userID: String
    var name: String
    var query: String
    var alertEnabled: Bool
    var alertFrequency: String

    init(_ search: SavedSearch) {
        searchID = search.id
        userID = search.userID
        name = search.name
        query = search.query
        alertEnabled = search.alertEnabled
        alertFrequency = search.alertFrequency.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case searchID = "search_id", userID = "user_id", name, query
        case alertEnabled = "alert_enabled", alertFrequency = "alert_frequency"
    }
}

import Crypto
import Domain
import Foundation
import Platform

/// The user's interviews, one `.ics` per interview, and a private subscription feed: a secret URL
/// that calendar programs poll, shown once when made, revocable by making a new one or removing it.
public struct InterviewCalendar: Sendable {
    private let repository: any InterviewRepository
    private let clock: any WallClock
    /// The server's public address, for the feed's URL.
    private let publicURL: String

    public init(repository: any InterviewRepository, clock: any WallClock, publicURL: String) {
        self.repository = repository
        self.clock = clock
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    /// The feed's address for a token, and the same for calendar programs that subscribe by `webcal:`.
    public func feedAddresses(token: String) -> (url: String, webcal: String) {
        let url = "\(publicURL)/calendar/\(token).ics"
        let webcal = url.replacingOccurrences(of: "https://", with: "webcal://").replacingOccurrences(of: "http://", with: "webcal://")
        return (url, webcal)
    }

    public func interviews(actor: Actor) async throws -> [ScheduledInterview] {
        try await repository.interviews(owner: actor.userID)
    }

    public func interview(actor: Actor, id: String) async throws -> ScheduledInterview {
        guard let interview = try await repository.interview(id: id, owner: actor.userID) else {
            throw DomainError.notFound("No interview has the id '\(id)'.")
        }
        return interview
    }

    /// One interview as an iCalendar document.
    public func document(for interview: ScheduledInterview) -> String {
        CalendarFeedWriter.document(name: "\(interview.company) interview", events: [Self.event(interview)], now: clock.now())
    }

    /// Makes a new feed token (the old one stops working) and returns it: the only time it is shown.
    public func createFeed(actor: Actor) async throws -> String {
        var bytes = [UInt8](repeating: 0, count: 24)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        try await repository.setFeedToken(digest: Self.digest(token), owner: actor.userID, createdAt: clock.now())
        return token
    }

    public func removeFeed(actor: Actor) async throws {
        guard try await repository.removeFeedToken(owner: actor.userID) else { throw DomainError.notFound("There is no calendar feed to remove.") }
    }

    public func feedCreatedAt(actor: Actor) async throws -> Date? {
        try await repository.feedCreatedAt(owner: actor.userID)
    }

    /// The feed for a token; not found for an unknown or revoked one.
    public func feed(token: String) async throws -> String {
        guard !token.isEmpty, let owner = try await repository.feedOwner(digest: Self.digest(token)) else {
            throw DomainError.notFound("No calendar feed has this address.")
        }
        let interviews = try await repository.interviews(owner: owner)
        return CalendarFeedWriter.document(name: "Wayfinder interviews", events: interviews.map(Self.event), now: clock.now())
    }

    static func event(_ interview: ScheduledInterview) -> CalendarFeedEvent {
        var description = "\(interview.title) at \(interview.company)."
        if let place = interview.locationOrLink { description += "\n\(interview.locationType.map { $0.rawValue.capitalized + ": " } ?? "")\(place)" }
        let isLink = interview.locationOrLink.map { $0.hasPrefix("http://") || $0.hasPrefix("https://") } ?? false
        return CalendarFeedEvent(
            uid: interview.calendarUID, sequence: interview.sequence, start: interview.start, end: interview.end,
            summary: "Interview: \(interview.title) – \(interview.company)", description: description,
            location: interview.locationOrLink, url: isLink ? interview.locationOrLink : nil,
            status: interview.status == .cancelled ? "CANCELLED" : "CONFIRMED", lastModified: interview.updatedAt
        )
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

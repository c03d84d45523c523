import Crypto
import Domain
import Foundation

/// Per-skill leaderboards of verified levels, opt-in only, under the display name each candidate
/// chose. Ties go to the higher score, then the earlier verification, then the display name, then a
/// stable per-user key: the same data always gives the same order.
public struct LeaderboardService: Sendable {
    let repository: any LeaderboardRepository
    let clock: any WallClock
    let skillName: @Sendable (String) -> String?

    public init(repository: any LeaderboardRepository, clock: any WallClock, skillName: @escaping @Sendable (String) -> String?) {
        self.repository = repository
        self.clock = clock
        self.skillName = skillName
    }

    public func leaderboard(skillID: String, limit: Int = 100) async throws -> (skillName: String, entries: [LeaderboardEntry]) {
        guard let name = skillName(skillID) else { throw DomainError.notFound("No such skill.") }
        let now = clock.now()
        let ranked = try await repository.entries(skillID: skillID).filter { $0.expiresAt > now }.sorted(by: LeaderboardEntry.ranksBefore)
        var entries: [LeaderboardEntry] = []
        for (position, entry) in ranked.prefix(max(1, min(limit, 500))).enumerated() {
            var entry = entry
            entry.rank = position + 1
            entries.append(entry)
        }
        return (name, entries)
    }

    public func settings(actor: Actor) async throws -> LeaderboardSettings {
        try await repository.settings(userID: actor.userID) ?? LeaderboardSettings(optedIn: false, displayName: "")
    }

    public func save(actor: Actor, optedIn: Bool, displayName: String) async throws -> LeaderboardSettings {
        let name = displayName.trimmingWhitespace()
        var problems: [FieldError] = []
        if optedIn, name.isEmpty { problems.append(FieldError(field: "display_name", message: "choose the name the leaderboard shows")) }
        if name.count > 40 { problems.append(FieldError(field: "display_name", message: "must be at most 40 characters")) }
        if name.contains(where: { $0.isNewline || $0 == "@" }) {
            problems.append(FieldError(field: "display_name", message: "must not hold line breaks or an email address"))
        }
        guard problems.isEmpty else { throw DomainError.invalid("The leaderboard settings are invalid.", fieldErrors: problems) }
        let settings = LeaderboardSettings(optedIn: optedIn, displayName: name)
        try await repository.save(settings, userID: actor.userID)
        return settings
    }
}

public struct LeaderboardSettings: Sendable, Equatable {
    public var optedIn: Bool
    public var displayName: String

    public init(optedIn: Bool, displayName: String) {
        self.optedIn = optedIn
        self.displayName = displayName
    }
}

public struct LeaderboardEntry: Sendable, Equatable {
    public var rank = 0
    public var displayName: String
    public var level: Int
    public var score: Int
    public var verifiedAt: Date
    public var expiresAt: Date
    /// A stable, meaningless key for the last tie-break (not shown).
    public var key: String

    public init(displayName: String, level: Int, score: Int, verifiedAt: Date, expiresAt: Date, key: String) {
        self.displayName = displayName
        self.level = level
        self.score = score
        self.verifiedAt = verifiedAt
        self.expiresAt = expiresAt
        self.key = key
    }

    /// The last tie-break: stable for a person on one board, unrelated across boards.
    public static func key(skillID: String, userID: String) -> String {
        SHA256.hash(data: Data("\(skillID)|\(userID)".utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    static func ranksBefore(_ left: LeaderboardEntry, _ right: LeaderboardEntry) -> Bool {
        if left.level != right.level { return left.level > right.level }
        if left.score != right.score { return left.score > right.score }
        if left.verifiedAt != right.verifiedAt { return left.verifiedAt < right.verifiedAt }
        if left.displayName != right.displayName { return left.displayName < right.displayName }
        return left.key < right.key
    }
}

public protocol LeaderboardRepository: Sendable {
    /// Verified skills of opted-in users for the skill, with their display names.
    func entries(skillID: String) async throws -> [LeaderboardEntry]
    func settings(userID: String) async throws -> LeaderboardSettings?
    func save(_ settings: LeaderboardSettings, userID: String) async throws
}

import Foundation
import SkillsGraph
import SQLKit

/// Leaderboards over SQLKit: verified skills joined to the opt-in settings.
public struct SQLLeaderboardRepository: LeaderboardRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func entries(skillID: String) async throws -> [LeaderboardEntry] {
        try await store.read { database in
            try await database.raw("""
                SELECT v.*, l.display_name FROM verified_skills v JOIN leaderboard_settings l ON l.user_id = v.user_id
                WHERE v.skill_id = \(bind: skillID) AND l.opted_in = 1
                """).all().map { row in
                let skill = try SQLAssessmentRepository.verified(row)
                return LeaderboardEntry(displayName: try row.decode(column: "display_name", as: String.self), level: skill.level, score: skill.score,
                                        verifiedAt: skill.verifiedAt, expiresAt: skill.expiresAt,
                                        key: LeaderboardEntry.key(skillID: skillID, userID: skill.userID))
            }
        }
    }

    public func settings(userID: String) async throws -> LeaderboardSettings? {
        try await store.read { database in
            try await database.raw("SELECT * FROM leaderboard_settings WHERE user_id = \(bind: userID)").first().map {
                LeaderboardSettings(optedIn: try $0.decode(column: "opted_in", as: Int64.self) != 0,
                                    displayName: try $0.decode(column: "display_name", as: String.self))
            }
        }
    }

    public func save(_ settings: LeaderboardSettings, userID: String) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO leaderboard_settings (user_id, opted_in, display_name) VALUES (\(bind: userID), \(bind: settings.optedIn ? 1 : 0), \(bind: settings.displayName))
                ON CONFLICT (user_id) DO UPDATE SET opted_in = excluded.opted_in, display_name = excluded.display_name
                """).run()
        }
    }
}

import Foundation
import SkillsGraph
import SQLKit

/// Matching's pairs, candidate fingerprints and run state over SQLKit.
public struct SQLMatchRepository: MatchRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func cursor() async throws -> Int64 {
        try await store.read { database in
            try await database.raw("SELECT cursor FROM skill_match_state WHERE id = 1").first()?.decode(column: "cursor", as: Int64.self) ?? 0
        }
    }

    public func setCursor(_ sequence: Int64) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO skill_match_state (id, cursor, lease_until) VALUES (1, \(bind: sequence), NULL)
                ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor
                """).run()
        }
    }

    public func lease(until: Date, now: Date) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("INSERT INTO skill_match_state (id, cursor, lease_until) VALUES (1, 0, NULL) ON CONFLICT (id) DO NOTHING").run()
            return try await database.raw("""
                UPDATE skill_match_state SET lease_until = \(bind: Milliseconds.from(until))
                WHERE id = 1 AND (lease_until IS NULL OR lease_until < \(bind: Milliseconds.from(now))) RETURNING id
                """).first() != nil
        }
    }

    public func releaseLease() async throws {
        try await store.transaction { database in
            try await database.raw("UPDATE skill_match_state SET lease_until = NULL WHERE id = 1").run()
        }
    }

    public func fingerprints() async throws -> [String: String] {
        try await store.read { database in
            var found: [String: String] = [:]
            for row in try await database.raw("SELECT user_id, fingerprint FROM skill_match_candidates").all() {
                found[try row.decode(column: "user_id", as: String.self)] = try row.decode(column: "fingerprint", as: String.self)
            }
            return found
        }
    }

    public func matches(userID: String) async throws -> [StoredMatch] {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_matches WHERE user_id = \(bind: userID) ORDER BY score DESC, row_id").all().map(Self.match)
        }
    }

    public func matches(rowIDs: [Int64]) async throws -> [StoredMatch] {
        guard !rowIDs.isEmpty else { return [] }
        return try await store.read { database in
            var found: [StoredMatch] = []
            for chunk in rowIDs.chunked(by: 500) {
                found += try await database.raw("SELECT * FROM skill_matches WHERE row_id IN (\(binds: Array(chunk))) ORDER BY score DESC, user_id")
                    .all().map(Self.match)
            }
            return found
        }
    }

    public func expired(before time: Date) async throws -> [StoredMatch] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM skill_matches WHERE expires_at IS NOT NULL AND expires_at <= \(bind: Milliseconds.from(time))
                """).all().map(Self.match)
        }
    }

    public func matches(userIDs: [String]) async throws -> [String: [StoredMatch]] {
        guard !userIDs.isEmpty else { return [:] }
        return try await store.read { database in
            var found: [String: [StoredMatch]] = [:]
            for chunk in userIDs.chunked(by: 500) {
                for match in try await database.raw("SELECT * FROM skill_matches WHERE user_id IN (\(binds: Array(chunk)))").all().map(Self.match) {
                    found[match.userID, default: []].append(match)
                }
            }
            return found
        }
    }

    public func replace(_ lists: [CandidateMatches]) async throws {
        guard !lists.isEmpty else { return }
        try await store.transaction { database in
            for chunk in lists.map(\.userID).chunked(by: 500) {
                try await database.raw("DELETE FROM skill_matches WHERE user_id IN (\(binds: Array(chunk)))").run()
            }
            // Multi-row inserts: a run writes tens of thousands of pairs.
            let rows = lists.flatMap(\.matches)
            for chunk in rows.chunked(by: 200) {
                let values = chunk.map { match -> SQLQueryString in
                    """
                    (\(bind: match.userID), \(bind: match.rowID), \(bind: match.jobID), \(bind: match.score), \(bind: match.inTop ? 1 : 0),
                     \(bind: match.forCompany ? 1 : 0), \(bind: match.handle), \(bind: match.expiresAt.map(Milliseconds.from)),
                     \(bind: Milliseconds.from(match.computedAt)), \(bind: match.notifiedAt.map(Milliseconds.from)))
                    """
                }
                try await database.raw("""
                    INSERT INTO skill_matches (user_id, row_id, job_id, score, in_top, for_company, handle, expires_at, computed_at, notified_at)
                    VALUES \(values.joined(separator: ", "))
                    """).run()
            }
            for list in lists {
                try await database.raw("""
                    INSERT INTO skill_match_candidates (user_id, fingerprint, complete, computed_at)
                    VALUES (\(bind: list.userID), \(bind: list.fingerprint), \(bind: list.complete ? 1 : 0),
                            \(bind: Milliseconds.from(list.matches.first?.computedAt ?? Date())))
                    ON CONFLICT (user_id) DO UPDATE SET fingerprint = excluded.fingerprint, complete = excluded.complete,
                        computed_at = excluded.computed_at
                    """).run()
            }
        }
    }

    public func remove(rowIDs: [Int64]) async throws {
        guard !rowIDs.isEmpty else { return }
        try await store.transaction { database in
            for chunk in rowIDs.chunked(by: 500) {
                try await database.raw("DELETE FROM skill_matches WHERE row_id IN (\(binds: Array(chunk)))").run()
            }
        }
    }

    public func rankedSummaries() async throws -> [String: RankedSummary] {
        try await store.read { database in
            var found: [String: RankedSummary] = [:]
            for row in try await database.raw("""
                SELECT c.user_id, c.complete, COUNT(m.row_id) AS kept, MIN(m.score) AS lowest
                FROM skill_match_candidates c LEFT JOIN skill_matches m ON m.user_id = c.user_id AND m.in_top = 1
                GROUP BY c.user_id, c.complete
                """).all() {
                found[try row.decode(column: "user_id", as: String.self)] = RankedSummary(
                    count: try row.decode(column: "kept", as: Int.self), lowest: try row.decode(column: "lowest", as: Int?.self) ?? 0,
                    complete: try row.decode(column: "complete", as: Int64.self) != 0)
            }
            return found
        }
    }

    public func remove(userID: String) async throws {
        try await store.transaction { database in
            try await database.raw("DELETE FROM skill_matches WHERE user_id = \(bind: userID)").run()
            try await database.raw("DELETE FROM skill_match_candidates WHERE user_id = \(bind: userID)").run()
        }
    }

    public func markNotified(userID: String, rowIDs: [Int64], at time: Date) async throws {
        guard !rowIDs.isEmpty else { return }
        try await store.transaction { database in
            for chunk in rowIDs.chunked(by: 500) {
                try await database.raw("""
                    UPDATE skill_matches SET notified_at = \(bind: Milliseconds.from(time)) WHERE user_id = \(bind: userID) AND row_id IN (\(binds: Array(chunk)))
                    """).run()
            }
        }
    }

    public func all() async throws -> [StoredMatch] {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_matches ORDER BY user_id, row_id").all().map(Self.match)
        }
    }

    private static func match(_ row: any SQLRow) throws -> StoredMatch {
        StoredMatch(userID: try row.decode(column: "user_id", as: String.self), rowID: try row.decode(column: "row_id", as: Int64.self),
                    jobID: try row.decode(column: "job_id", as: String.self), score: try row.decode(column: "score", as: Int.self),
                    inTop: try row.decode(column: "in_top", as: Int64.self) != 0, forCompany: try row.decode(column: "for_company", as: Int64.self) != 0,
                    expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(Milliseconds.date),
                    computedAt: Milliseconds.date(try row.decode(column: "computed_at", as: Int64.self)),
                    notifiedAt: try row.decode(column: "notified_at", as: Int64?.self).map(Milliseconds.date))
    }
}

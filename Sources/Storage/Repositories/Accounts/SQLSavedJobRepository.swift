import Accounts
import Foundation
import SQLKit

/// Saved postings over SQLKit.
public struct SQLSavedJobRepository: SavedJobRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func save(jobID: String, userID: String, at time: Date) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO saved_jobs (user_id, job_id, saved_at) VALUES (\(bind: userID), \(bind: jobID), \(bind: Milliseconds.from(time)))
                ON CONFLICT (user_id, job_id) DO NOTHING
                """).run()
        }
    }

    public func remove(jobID: String, userID: String) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("""
                DELETE FROM saved_jobs WHERE user_id = \(bind: userID) AND job_id = \(bind: jobID) RETURNING job_id
                """).first() != nil
        }
    }

    public func savedJobs(userID: String, limit: Int) async throws -> [(jobID: String, savedAt: Date)] {
        try await store.read { database in
            try await database.raw("""
                SELECT job_id, saved_at FROM saved_jobs WHERE user_id = \(bind: userID) ORDER BY saved_at DESC, job_id LIMIT \(bind: limit)
                """).all().map { (try $0.decode(column: "job_id", as: String.self), Milliseconds.date(try $0.decode(column: "saved_at", as: Int64.self))) }
        }
    }

    public func isSaved(jobID: String, userID: String) async throws -> Bool {
        try await store.read { database in
            try await database.raw("SELECT 1 AS one FROM saved_jobs WHERE user_id = \(bind: userID) AND job_id = \(bind: jobID)").first() != nil
        }
    }
}

import Foundation
import JobPostings
import SQLKit

extension SQLJobPostingRepository: NewPostingFeed {
    public func latestRowID() async throws -> Int64 {
        try await store.read { database in
            try await database.raw("SELECT MAX(row_id) AS latest FROM job_postings").first(decodingColumn: "latest", as: Int64?.self) ?? nil
        } ?? 0
    }

    /// With their recorded skills, so that matching them against seekers need not read them again.
    public func postings(storedAfter rowID: Int64, limit: Int) async throws -> [StoredJobPosting] {
        try await store.read { database in
            try await database.raw("""
                SELECT \(unsafeRaw: Self.columnsWithoutHTML), p.skills FROM job_postings p
                WHERE p.row_id > \(bind: rowID) AND p.status = 'open' ORDER BY p.row_id LIMIT \(bind: limit)
                """).all().map { try JobPostingRecord(row: $0).stored }
        }
    }
}

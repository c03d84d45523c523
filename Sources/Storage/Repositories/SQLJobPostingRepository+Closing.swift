import Foundation
import JobPostings
import SQLKit

extension SQLJobPostingRepository {
    public func close(jobIDs: [String], at time: Date) async throws -> Int {
        guard !jobIDs.isEmpty else { return 0 }
        let seconds = Int64(time.timeIntervalSince1970.rounded(.down))
        let chunkSize = store.dialect.maximumBindings - 10
        return try await store.write { database in
            var closed = 0
            for chunk in jobIDs.chunked(by: chunkSize) {
                // The content hash no longer describes the row, so a posting listed again later counts
                // as changed and is reopened by the upsert.
                let rows = try await database.raw("""
                    UPDATE job_postings SET status = 'closed', updated_at = \(bind: seconds), content_hash = 'closed'
                    WHERE status <> 'closed' AND job_id IN (\(binds: Array(chunk))) RETURNING row_id
                    """).all(decodingColumn: "row_id", as: Int64.self)
                try await Self.recordChanges(rowIDs: rows, on: database)
                closed += rows.count
                // Postings shown in their place until now take over: they become searchable again.
                let promoted = try await database.raw("""
                    UPDATE job_postings SET status = 'open', updated_at = \(bind: seconds), content_hash = 'promoted'
                    WHERE status = 'duplicate' AND job_id IN (
                        SELECT job_id FROM job_posting_links WHERE canonical_job_id IN (\(binds: Array(chunk))))
                    RETURNING row_id
                    """).all(decodingColumn: "row_id", as: Int64.self)
                try await Self.recordChanges(rowIDs: promoted, on: database)
                try await database.raw("DELETE FROM job_posting_links WHERE canonical_job_id IN (\(binds: Array(chunk)))").run()
            }
            return closed
        }
    }
}

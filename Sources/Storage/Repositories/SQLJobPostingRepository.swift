import Domain
import Foundation
import JobPostings
import SQLKit

/// Job postings over SQLKit, for every engine a `SQLStore` speaks.
public struct SQLJobPostingRepository: JobPostingRepository {
    let store: any SQLStore
    static let entity = "job_posting"

    public init(store: any SQLStore) {
        self.store = store
    }

    public func upsert(_ postings: [JobPosting]) async throws -> UpsertSummary {
        guard !postings.isEmpty else { return UpsertSummary() }
        // One statement may not touch a row twice: when an id repeats, its last version wins.
        var lastOccurrence: [String: Int] = [:]
        lastOccurrence.reserveCapacity(postings.count)
        for (index, posting) in postings.enumerated() { lastOccurrence[posting.jobID] = index }
        let duplicates = postings.count - lastOccurrence.count
        let unique = duplicates == 0 ? postings : postings.enumerated()
            .filter { lastOccurrence[$0.element.jobID] == $0.offset }.map(\.element)
        // Fingerprinting is most of making records, just before the one write transaction: use every core.
        let records = await unique.concurrentMap(minimumPerPart: 500, JobPostingRecord.init)
        let dialect = store.dialect
        return try await store.write { database in
            let outcome = try await Self.write(records, of: unique, dialect: dialect, on: database)
            // New open postings are announced in the transaction that stores them (duplicates are not news).
            let open = Set(records.filter { $0.status == PostingStatus.open.rawValue }.map(\.job_id))
            let posted = outcome.insertedJobIDs.filter { open.contains($0) }
            if !posted.isEmpty { try await SQLEventOutbox.append([try JobPosted(jobIDs: posted).event(at: Date())], on: database) }
            return outcome.summary + UpsertSummary(unchanged: duplicates)
        }
    }

    public func find(jobID: String) async throws -> StoredJobPosting? {
        try await store.read { database in
            try await database.select().column("*").from("job_postings").where("job_id", .equal, jobID)
                .first().map { try JobPostingRecord(row: $0).stored }
        }
    }

    public func summaries(rowIDs: [Int64]) async throws -> [StoredJobPosting] {
        guard !rowIDs.isEmpty else { return [] }
        return try await store.read { database in
            try await database.raw("""
                SELECT \(unsafeRaw: Self.columnsWithoutHTML) FROM job_postings p WHERE p.row_id IN (\(binds: rowIDs))
                """).all().map { try JobPostingRecord(row: $0).stored }
        }
    }

    public func changes(after sequence: Int64, limit: Int) async throws -> [JobPostingChange] {
        try await store.read { database in
            // Everything but the HTML description: followers index text, and the HTML is the bulk of a row.
            try await database.raw("""
                SELECT c.sequence AS change_sequence, \(unsafeRaw: Self.columnsWithoutHTML) FROM change_feed c
                JOIN job_postings p ON p.row_id = c.row_id
                WHERE c.entity = \(bind: Self.entity) AND c.sequence > \(bind: sequence)
                ORDER BY c.sequence LIMIT \(bind: limit)
                """).all().map { row in
                JobPostingChange(
                    sequence: try row.decode(column: "change_sequence", as: Int64.self),
                    stored: try JobPostingRecord(row: row).stored
                )
            }
        }
    }

    static let columnsWithoutHTML = ([
        "row_id", "job_id", "provider_id", "title", "description", "company", "location", "remote", "employment_type",
        "min_salary", "max_salary", "currency", "pay_interval", "posted_date", "apply_url", "expires_at", "updated_at",
        "status", "content_hash",
    ]).map { "p." + $0 }.joined(separator: ", ")

    public func count() async throws -> Int {
        try await store.read { database in
            try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("job_postings").first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}

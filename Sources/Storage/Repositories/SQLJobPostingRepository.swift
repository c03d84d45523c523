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
        // A page of search results: one statement, values read by position (see `SQLStore.pageValues`).
        var stored: [StoredJobPosting] = []
        stored.reserveCapacity(rowIDs.count)
        for part in rowIDs.chunked(by: store.dialect.maximumBindings) {
            let placeholders = repeatElement("?", count: part.count).joined(separator: ", ")
            for values in try await store.pageValues(
                "SELECT \(Self.columnsWithoutHTML) FROM job_postings p WHERE p.row_id IN (\(placeholders))", binds: Array(part)) {
                stored.append(try JobPostingRecord(values: values).stored)
            }
        }
        return stored
    }

    public func changes(after sequence: Int64, limit: Int) async throws -> [JobPostingChange] {
        // Everything but the HTML description: followers index text, and the HTML is the bulk of a row.
        // Values are read by position: a follower reads the feed 50,000 rows at a time.
        try await store.values("""
            SELECT c.sequence, \(Self.columnsWithoutHTML) FROM change_feed c
            JOIN job_postings p ON p.row_id = c.row_id
            WHERE c.entity = '\(Self.entity)' AND c.sequence > ? ORDER BY c.sequence LIMIT ?
            """, binds: [sequence, Int64(limit)]).map { values in
            guard case .integer(let changeSequence)? = values.first else {
                throw ColumnValueMismatch(column: "sequence", expected: "an integer")
            }
            return JobPostingChange(sequence: changeSequence, stored: try JobPostingRecord(values: Array(values.dropFirst())).stored)
        }
    }

    /// Every column but the HTML description, in the order `JobPostingRecord(values:)` reads them.
    static let columnNamesWithoutHTML = [
        "row_id", "job_id", "provider_id", "title", "description", "company", "location", "remote", "employment_type",
        "min_salary", "max_salary", "currency", "pay_interval", "posted_date", "apply_url", "expires_at", "updated_at",
        "status", "content_hash",
    ]
    static let columnsWithoutHTML = columnNamesWithoutHTML.map { "p." + $0 }.joined(separator: ", ")

    public func count() async throws -> Int {
        try await store.read { database in
            try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("job_postings").first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}

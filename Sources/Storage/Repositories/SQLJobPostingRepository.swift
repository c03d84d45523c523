import Domain
import Foundation
import JobPostings
import SQLKit

/// Job postings over SQLKit, for every engine a `SQLStore` speaks.
public struct SQLJobPostingRepository: JobPostingRepository {
    let store: any SQLStore
    /// Reads the skills of new and changed postings as they are written, to record them in their rows
    /// (`RecordedSkills`); without one, or one without a fingerprint, rows record none.
    let skillTagger: (any PostingSkillTagger)?
    static let entity = "job_posting"

    public init(store: any SQLStore, skillTagger: (any PostingSkillTagger)? = nil) {
        self.store = store
        self.skillTagger = skillTagger
    }

    public func upsert(_ postings: [JobPosting]) async throws -> UpsertSummary {
        try await upsert(await prepare(postings))
    }

    /// What `prepare` works out ahead of the write transaction.
    struct PreparedRows: Sendable {
        /// The postings, each id once: when an id repeats, its last version wins, since one statement
        /// may not touch a row twice.
        var unique: [JobPosting]
        var duplicates: Int
        var records: [JobPostingRecord]
        /// Each record as the COPY text of its columns after `row_id`, for engines that load in bulk.
        var copyText: [CopyTextRows]?
    }

    public func prepare(_ postings: [JobPosting]) async -> PreparedPostings {
        PreparedPostings(postings: postings, work: await rows(of: postings))
    }

    private func rows(of postings: [JobPosting]) async -> PreparedRows {
        var lastOccurrence: [String: Int] = [:]
        lastOccurrence.reserveCapacity(postings.count)
        for (index, posting) in postings.enumerated() { lastOccurrence[posting.jobID] = index }
        let duplicates = postings.count - lastOccurrence.count
        let unique = duplicates == 0 ? postings : postings.enumerated()
            .filter { lastOccurrence[$0.element.jobID] == $0.offset }.map(\.element)
        // Fingerprinting, reading skills and encoding are most of making rows: use every core.
        let encodesCopyText = store.dialect.loadsRowsInBulk
        let recording = await skillRecording(for: unique)
        let made = await unique.concurrentMap(minimumPerPart: 500) { posting in
            var record = JobPostingRecord(posting)
            recording?.record(in: &record, of: posting)
            return (record, encodesCopyText ? record.copyText : nil)
        }
        return PreparedRows(
            unique: unique, duplicates: duplicates, records: made.map(\.0),
            copyText: encodesCopyText ? made.compactMap(\.1) : nil
        )
    }

    public func upsert(_ prepared: PreparedPostings) async throws -> UpsertSummary {
        guard !prepared.postings.isEmpty else { return UpsertSummary() }
        let rows: PreparedRows = if let work = prepared.work as? PreparedRows { work } else { await rows(of: prepared.postings) }
        let dialect = store.dialect
        return try await store.write { database in
            let outcome = try await Self.write(rows, dialect: dialect, on: database)
            // New open postings are announced in the transaction that stores them (duplicates are not news).
            let open = Set(rows.records.filter { $0.status == PostingStatus.open.rawValue }.map(\.job_id))
            let posted = outcome.insertedJobIDs.filter { open.contains($0) }
            if !posted.isEmpty { try await SQLEventOutbox.append([try JobPosted(jobIDs: posted).event(at: Date())], on: database) }
            return outcome.summary + UpsertSummary(unchanged: rows.duplicates)
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
        // Everything but the HTML description: followers index text, and the HTML is the bulk of a row; with the
        // skills recorded when the posting was written, so that a follower need not read them again.
        // Values are read by position: a follower reads the feed 50,000 rows at a time.
        try await store.values("""
            SELECT c.sequence, \(Self.columnsWithoutHTML), p.skills FROM change_feed c
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

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
        for (index, posting) in postings.enumerated() { lastOccurrence[posting.jobID] = index }
        let duplicates = postings.count - lastOccurrence.count
        let records = postings.enumerated().filter { lastOccurrence[$0.element.jobID] == $0.offset }
            .map { JobPostingRecord($0.element) }
        let rowsPerStatement = max(1, store.dialect.maximumBindings / JobPostingRecord.columnCount)
        return try await store.write { database in
            var summary = UpsertSummary(unchanged: duplicates)
            for chunk in records.chunked(by: rowsPerStatement) {
                let existing = try await database.select().columns("job_id", "content_hash").from("job_postings")
                    .where("job_id", .in, chunk.map(\.job_id)).all()
                var hashes: [String: String] = [:]
                for row in existing {
                    hashes[try row.decode(column: "job_id", as: String.self)] = try row.decode(column: "content_hash", as: String.self)
                }
                let changed = chunk.filter { hashes[$0.job_id] != $0.content_hash }
                summary.unchanged += chunk.count - changed.count
                summary.updated += changed.filter { hashes[$0.job_id] != nil }.count
                summary.inserted += changed.filter { hashes[$0.job_id] == nil }.count
                guard !changed.isEmpty else { continue }
                let written = try await database.insert(into: "job_postings")
                    .models(changed, nilEncodingStrategy: .asNil)
                    .onConflict(with: "job_id") { update in
                        var update = update
                        for column in Self.updatableColumns { update = update.set(excludedValueOf: column) }
                        return update
                    }
                    .returning("row_id")
                    .all(decodingColumn: "row_id", as: Int64.self)
                try await Self.recordChanges(rowIDs: written, on: database)
                let posted = changed.filter { hashes[$0.job_id] == nil && $0.status == PostingStatus.open.rawValue }.map(\.job_id)
                if !posted.isEmpty { try await SQLEventOutbox.append([try JobPosted(jobIDs: posted).event(at: Date())], on: database) }
            }
            return summary
        }
    }

    static let updatableColumns = [
        "provider_id", "title", "description", "description_html", "company", "location", "remote",
        "employment_type", "min_salary", "max_salary", "currency", "pay_interval", "posted_date", "apply_url",
        "expires_at", "updated_at", "status", "content_hash",
    ]

    static func recordChanges(rowIDs: [Int64], on database: any SQLDatabase) async throws {
        let now = Int64(Date().timeIntervalSince1970)
        for chunk in rowIDs.chunked(by: 5_000) {
            var insert = database.insert(into: "change_feed").columns("entity", "row_id", "changed_at")
            for rowID in chunk { insert = insert.values(entity, rowID, now) }
            try await insert.run()
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

extension Array {
    func chunked(by size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

import Foundation
import JobPostings
import SQLKit

/// The write path of `upsert`: fingerprints compared, changed rows written in multi-row statements, the change feed appended.
extension SQLJobPostingRepository {
    /// What one upsert wrote.
    struct WriteOutcome {
        var summary = UpsertSummary()
        var insertedJobIDs: [String] = []
    }

    /// Writes what changed among the prepared rows in the caller's transaction: new and changed rows in
    /// bulk or multi-row statements, each followed by its change-feed entries.
    static func write(_ rows: PreparedRows, dialect: any StorageDialect, on database: any SQLDatabase) async throws -> WriteOutcome {
        var outcome = WriteOutcome()
        let (records, postings) = (rows.records, rows.unique)
        let arrays = dialect.bindsArrays
        for chunk in records.indices.chunked(by: rowsPerStatement(dialect)) {
            let stored = try await storedFingerprints(jobIDs: chunk.map { records[$0].job_id }, dialect: dialect, on: database)
            var changed: [JobPostingRecord] = []
            // Indexes of the records not stored yet.
            var added: [Int] = []
            var rehashed: [JobPostingRecord] = []
            for index in chunk {
                let record = records[index]
                guard let fingerprint = stored[record.job_id] else {
                    changed.append(record)
                    added.append(index)
                    continue
                }
                if fingerprint == record.content_hash {
                    outcome.summary.unchanged += 1
                } else if postings[index].matchesFingerprint(fingerprint, current: record.content_hash) {
                    // Stored by an earlier release with the same content: only the fingerprint's spelling changes.
                    outcome.summary.unchanged += 1
                    rehashed.append(record)
                } else {
                    changed.append(record)
                }
            }
            let new = Set(added.lazy.map { records[$0].job_id })
            outcome.summary.inserted += new.count
            outcome.summary.updated += changed.count - new.count
            try await replaceFingerprints(of: rehashed, dialect: dialect, on: database)
            guard !changed.isEmpty else { continue }
            let written: [(rowID: Int64, jobID: String)]
            if let loader = database as? any BulkRowLoading {
                let addedIDs = try await loadNewRows(
                    added.map { rows.copyText?[$0] ?? records[$0].copyText }, with: loader, on: database)
                let updated = changed.filter { !new.contains($0.job_id) }
                written = Array(zip(addedIDs, added.lazy.map { records[$0].job_id }))
                    + (updated.isEmpty ? [] : try await upsertRowsFromArrays(updated, on: database))
            } else {
                written = arrays ? try await upsertRowsFromArrays(changed, on: database)
                    : try await upsertRows(changed, dialect: dialect, on: database)
            }
            if arrays {
                try await recordChangesFromArray(rowIDs: written.map(\.rowID), on: database)
            } else {
                try await recordChanges(rowIDs: written.map(\.rowID), on: database)
            }
            outcome.insertedJobIDs += written.lazy.filter { new.contains($0.jobID) }.map(\.jobID)
        }
        return outcome
    }

    /// Every column an insert writes, in the order of the table (the database assigns `row_id`).
    static let insertedColumns = ["job_id"] + updatableColumns

    static let updatableColumns = [
        "provider_id", "title", "description", "description_html", "company", "location", "remote",
        "employment_type", "min_salary", "max_salary", "currency", "pay_interval", "posted_date", "apply_url",
        "expires_at", "updated_at", "status", "content_hash", "skills",
    ]

    /// Rows a write statement takes: bound arrays are limited by memory, a list of bindings by the engine.
    static func rowsPerStatement(_ dialect: any StorageDialect) -> Int {
        dialect.bindsArrays ? rowsPerArrayStatement : max(1, min(2_000, dialect.maximumBindings / JobPostingRecord.textColumnCount))
    }

    /// `job_id` → `content_hash` of the stored rows among `jobIDs` (at most `rowsPerStatement` of them).
    static func storedFingerprints(
        jobIDs: [String], dialect: any StorageDialect, on database: any SQLDatabase
    ) async throws -> [String: String] {
        if dialect.bindsArrays { return try await storedFingerprintsFromArray(jobIDs: jobIDs, on: database) }
        var sql = "SELECT job_id, content_hash FROM job_postings WHERE job_id IN ("
        sql.reserveCapacity(sql.utf8.count + jobIDs.count * 8)
        let placeholders = BindPlaceholders.shared(for: dialect)
        for number in jobIDs.indices {
            if number > 0 { sql += "," }
            sql += placeholders[number + 1]
        }
        sql += ")"
        return try fingerprints(of: try await BoundStatement(sql: sql, binds: jobIDs).all(on: database))
    }

    /// `job_id` → `content_hash` of rows that have both columns.
    static func fingerprints(of rows: [any SQLRow]) throws -> [String: String] {
        var fingerprints: [String: String] = [:]
        fingerprints.reserveCapacity(rows.count)
        for row in rows {
            fingerprints[try row.decode(column: "job_id", as: String.self)] = try row.decode(column: "content_hash", as: String.self)
        }
        return fingerprints
    }

    /// Inserts or updates `records` in one statement; returns each written row's id and job id, in
    /// the order the database wrote them. Texts are bound; numbers and the fixed spellings of enums
    /// are written as literals, which keeps a statement's bindings (and its size) down.
    static func upsertRows(
        _ records: [JobPostingRecord], dialect: any StorageDialect, on database: any SQLDatabase
    ) async throws -> [(rowID: Int64, jobID: String)] {
        var sql = "INSERT INTO job_postings (" + insertedColumns.joined(separator: ", ") + ") VALUES "
        sql.reserveCapacity(records.count * 160 + 1_000)
        var binds: [any Encodable & Sendable] = []
        binds.reserveCapacity(records.count * JobPostingRecord.textColumnCount)
        let placeholders = BindPlaceholders.shared(for: dialect)
        func text(_ value: String?) {
            guard let value else { sql += "NULL"; return }
            binds.append(value)
            sql += placeholders[binds.count]
        }
        func integer(_ value: Int64?) {
            guard let value else { sql += "NULL"; return }
            sql += String(value)
        }
        // Enum spellings: letters and underscores only, so they need no quoting beyond the quotes.
        func constant(_ value: String?) {
            guard let value else { sql += "NULL"; return }
            precondition(!value.utf8.contains(UInt8(ascii: "'")))
            sql += "'"
            sql += value
            sql += "'"
        }
        for (number, record) in records.enumerated() {
            sql += number == 0 ? "(" : ",("
            text(record.job_id); sql += ","
            text(record.provider_id); sql += ","
            text(record.title); sql += ","
            text(record.description); sql += ","
            text(record.description_html); sql += ","
            text(record.company); sql += ","
            text(record.location); sql += ","
            integer(record.remote); sql += ","
            constant(record.employment_type); sql += ","
            integer(record.min_salary); sql += ","
            integer(record.max_salary); sql += ","
            text(record.currency); sql += ","
            constant(record.pay_interval); sql += ","
            integer(record.posted_date); sql += ","
            text(record.apply_url); sql += ","
            integer(record.expires_at); sql += ","
            integer(record.updated_at); sql += ","
            constant(record.status); sql += ","
            text(record.content_hash); sql += ","
            text(record.skills); sql += ")"
        }
        sql += " ON CONFLICT (job_id) DO UPDATE SET "
        sql += updatableColumns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        sql += " RETURNING row_id, job_id"
        return try await BoundStatement(sql: sql, binds: binds).all(on: database).map { row in
            (try row.decode(column: "row_id", as: Int64.self), try row.decode(column: "job_id", as: String.self))
        }
    }

    /// Rewrites fingerprints stored by an earlier release in the current spelling; content is unchanged,
    /// so nothing goes to the change feed.
    static func replaceFingerprints(
        of records: [JobPostingRecord], dialect: any StorageDialect, on database: any SQLDatabase
    ) async throws {
        for record in records {
            try await BoundStatement(
                sql: "UPDATE job_postings SET content_hash = \(dialect.bindPlaceholder(at: 1)) WHERE job_id = \(dialect.bindPlaceholder(at: 2))",
                binds: [record.content_hash, record.job_id]
            ).run(on: database)
        }
    }

    /// Appends one change-feed entry per row id, in order, in the caller's transaction.
    static func recordChanges(rowIDs: [Int64], on database: any SQLDatabase) async throws {
        let now = Int64(Date().timeIntervalSince1970)
        let entity = "'" + Self.entity.replacingOccurrences(of: "'", with: "''") + "'"
        for chunk in rowIDs.chunked(by: 10_000) {
            var sql = "INSERT INTO change_feed (entity, row_id, changed_at) VALUES "
            sql.reserveCapacity(sql.utf8.count + chunk.count * 40)
            for (number, rowID) in chunk.enumerated() {
                sql += number == 0 ? "(" : ",("
                sql += entity + "," + String(rowID) + "," + String(now) + ")"
            }
            try await BoundStatement(sql: sql, binds: []).run(on: database)
        }
    }
}

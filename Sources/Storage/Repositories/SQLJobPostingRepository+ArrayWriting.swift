import Foundation
import SQLKit

/// The write path's statements for engines that bind whole columns as arrays (`StorageDialect.bindsArrays`):
/// one short statement per chunk, whatever its number of rows, with one bound array per column.
extension SQLJobPostingRepository {
    /// Rows per statement when columns are bound as arrays: the limit is memory, not the number of bindings.
    static let rowsPerArrayStatement = 5_000

    /// `storedFingerprints(jobIDs:dialect:on:)` with the ids bound as one array.
    static func storedFingerprintsFromArray(jobIDs: [String], on database: any SQLDatabase) async throws -> [String: String] {
        try fingerprints(of: try await BoundStatement(
            sql: "SELECT job_id, content_hash FROM job_postings WHERE job_id = ANY($1::text[])", binds: [PostgreSQLArray(jobIDs)]
        ).all(on: database))
    }

    /// `upsertRows(_:dialect:on:)` with each column bound as one array and the rows made by `unnest`, in
    /// array order.
    static func upsertRowsFromArrays(
        _ records: [JobPostingRecord], on database: any SQLDatabase
    ) async throws -> [(rowID: Int64, jobID: String)] {
        let texts: [(name: String, value: (JobPostingRecord) -> String?)] = [
            ("job_id", \.job_id), ("provider_id", \.provider_id), ("title", \.title), ("description", \.description),
            ("description_html", \.description_html), ("company", \.company), ("location", \.location),
            ("employment_type", \.employment_type), ("currency", \.currency), ("pay_interval", \.pay_interval),
            ("apply_url", \.apply_url), ("status", \.status), ("content_hash", \.content_hash),
            ("skills", \.skills),
        ]
        let numbers: [(name: String, value: (JobPostingRecord) -> Int64?)] = [
            ("remote", \.remote), ("min_salary", \.min_salary), ("max_salary", \.max_salary),
            ("posted_date", \.posted_date), ("expires_at", \.expires_at), ("updated_at", \.updated_at),
        ]
        var binds: [any Encodable & Sendable] = []
        var arrays: [String] = []
        for column in texts {
            binds.append(PostgreSQLArray(records.map(column.value)))
            arrays.append("$\(binds.count)::text[]")
        }
        for column in numbers {
            binds.append(PostgreSQLArray(records.map(column.value)))
            arrays.append("$\(binds.count)::bigint[]")
        }
        let columns = (texts.map(\.name) + numbers.map(\.name)).joined(separator: ", ")
        let sql = "INSERT INTO job_postings (\(columns)) SELECT * FROM unnest(\(arrays.joined(separator: ", "))) "
            + "ON CONFLICT (job_id) DO UPDATE SET "
            + updatableColumns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            + " RETURNING row_id, job_id"
        return try await BoundStatement(sql: sql, binds: binds).all(on: database).map { row in
            (try row.decode(column: "row_id", as: Int64.self), try row.decode(column: "job_id", as: String.self))
        }
    }

    /// `recordChanges(rowIDs:on:)` with the row ids bound as one array; entries are numbered in array order.
    static func recordChangesFromArray(rowIDs: [Int64], on database: any SQLDatabase) async throws {
        try await BoundStatement(
            sql: "INSERT INTO change_feed (entity, row_id, changed_at) "
                + "SELECT $1, id, $2 FROM unnest($3::bigint[]) WITH ORDINALITY AS written(id, position) ORDER BY position",
            binds: [Self.entity, Int64(Date().timeIntervalSince1970), PostgreSQLArray(rowIDs)]
        ).run(on: database)
    }
}

import Foundation
import SQLKit

/// The write path's statements for new rows on engines with a bulk loader (`BulkRowLoading`: PostgreSQL's
/// COPY). A new row needs no conflict check, since the write lock is held and its job id was just looked up,
/// and COPY costs the server about half of what an INSERT from bound arrays does.
extension SQLJobPostingRepository {
    /// Inserts `records`, none of which is stored yet, with row ids taken from the table's sequence in
    /// their order; returns those ids.
    static func loadNewRows(
        _ records: [JobPostingRecord], with loader: any BulkRowLoading, on database: any SQLDatabase
    ) async throws -> [Int64] {
        guard !records.isEmpty else { return [] }
        let first = try await reserveRowIDs(records.count, on: database)
        var rows = CopyTextRows(reservingCapacity: records.reduce(0) { $0 + $1.approximateBytes })
        for (offset, record) in records.enumerated() {
            rows.integer(first + Int64(offset))
            rows.text(record.job_id)
            rows.text(record.provider_id)
            rows.text(record.title)
            rows.text(record.description)
            rows.text(record.description_html)
            rows.text(record.company)
            rows.text(record.location)
            rows.integer(record.remote)
            rows.text(record.employment_type)
            rows.integer(record.min_salary)
            rows.integer(record.max_salary)
            rows.text(record.currency)
            rows.text(record.pay_interval)
            rows.integer(record.posted_date)
            rows.text(record.apply_url)
            rows.integer(record.expires_at)
            rows.integer(record.updated_at)
            rows.text(record.status)
            rows.text(record.content_hash)
            rows.endRow()
        }
        try await loader.load(rows, into: "job_postings", columns: ["row_id"] + insertedColumns)
        return (0..<Int64(records.count)).map { first + $0 }
    }

    /// Takes `count` consecutive values of the row-id sequence and returns the first. Consecutive because
    /// every writer of `job_postings` holds the write lock, which the caller holds too.
    private static func reserveRowIDs(_ count: Int, on database: any SQLDatabase) async throws -> Int64 {
        let sequence = "pg_get_serial_sequence('job_postings', 'row_id')"
        let last = try await database.raw("""
            SELECT setval(\(unsafeRaw: sequence), nextval(\(unsafeRaw: sequence)) + \(bind: Int64(count)) - 1) AS last
            """).first(decodingColumn: "last", as: Int64.self)
        guard let last else { throw ColumnValueMismatch(column: "last", expected: "the sequence's new value") }
        return last - Int64(count) + 1
    }
}

extension JobPostingRecord {
    /// About how many bytes the row takes as text: enough to size a buffer for many rows without regrowing.
    var approximateBytes: Int {
        job_id.utf8.count + provider_id.utf8.count + title.utf8.count + description.utf8.count
            + (description_html?.utf8.count ?? 0) + company.utf8.count + location.utf8.count
            + (apply_url?.utf8.count ?? 0) + content_hash.utf8.count + 160
    }
}

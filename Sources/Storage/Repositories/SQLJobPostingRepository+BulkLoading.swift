import Foundation
import SQLKit

/// The write path's statements for new rows on engines with a bulk loader (`BulkRowLoading`: PostgreSQL's
/// COPY). A new row needs no conflict check, since the write lock is held and its job id was just looked up,
/// and COPY costs the server about half of what an INSERT from bound arrays does.
extension SQLJobPostingRepository {
    /// Inserts new rows, given as the COPY text of their columns after `row_id` (`JobPostingRecord.copyText`),
    /// with row ids taken from the table's sequence in their order; returns those ids.
    static func loadNewRows(
        _ rows: [CopyTextRows], with loader: any BulkRowLoading, on database: any SQLDatabase
    ) async throws -> [Int64] {
        guard !rows.isEmpty else { return [] }
        let first = try await reserveRowIDs(rows.count, on: database)
        var text = CopyTextRows(reservingCapacity: rows.reduce(0) { $0 + $1.bytes.count + 24 })
        for (offset, row) in rows.enumerated() {
            text.integer(first + Int64(offset))
            text.append(columnsOf: row)
            text.endRow()
        }
        try await loader.load(text, into: "job_postings", columns: ["row_id"] + insertedColumns)
        return (0..<Int64(rows.count)).map { first + $0 }
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
    /// The row's columns after `row_id` (`SQLJobPostingRepository.insertedColumns`) as COPY text.
    var copyText: CopyTextRows {
        var text = CopyTextRows(reservingCapacity: job_id.utf8.count + title.utf8.count + description.utf8.count
            + (description_html?.utf8.count ?? 0) + (apply_url?.utf8.count ?? 0) + (skills?.utf8.count ?? 0) + 200)
        text.text(job_id)
        text.text(provider_id)
        text.text(title)
        text.text(description)
        text.text(description_html)
        text.text(company)
        text.text(location)
        text.integer(remote)
        text.text(employment_type)
        text.integer(min_salary)
        text.integer(max_salary)
        text.text(currency)
        text.text(pay_interval)
        text.integer(posted_date)
        text.text(apply_url)
        text.integer(expires_at)
        text.integer(updated_at)
        text.text(status)
        text.text(content_hash)
        text.text(skills)
        return text
    }
}

import JobPostings
import SQLKit

extension JobPostingRecord {
    /// Reads a row column by column. The generic `Decodable` route costs several lookups and dynamic
    /// casts per column, which shows when a follower reads the change feed a batch of 50,000 at a time.
    /// A column the query did not select reads as NULL (the HTML description, for summaries).
    init(row: some SQLRow) throws {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func integer(_ column: String) throws -> Int64 { try row.decode(column: column, as: Int64.self) }
        func optionalText(_ column: String) throws -> String? {
            try !row.contains(column: column) || row.decodeNil(column: column) ? nil : text(column)
        }
        func optionalInteger(_ column: String) throws -> Int64? {
            try row.decodeNil(column: column) ? nil : integer(column)
        }
        row_id = try integer("row_id")
        job_id = try text("job_id")
        provider_id = try text("provider_id")
        title = try text("title")
        description = try text("description")
        description_html = try optionalText("description_html")
        company = try text("company")
        location = try text("location")
        remote = try integer("remote")
        employment_type = try optionalText("employment_type")
        min_salary = try optionalInteger("min_salary")
        max_salary = try optionalInteger("max_salary")
        currency = try optionalText("currency")
        pay_interval = try optionalText("pay_interval")
        posted_date = try integer("posted_date")
        apply_url = try optionalText("apply_url")
        expires_at = try optionalInteger("expires_at")
        updated_at = try integer("updated_at")
        status = try text("status")
        content_hash = try text("content_hash")
    }

    var stored: StoredJobPosting { StoredJobPosting(rowID: row_id ?? 0, posting: posting) }
}

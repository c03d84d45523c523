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
        skills = try optionalText("skills")
    }

    /// Reads the values of a row selected as `SQLJobPostingRepository.columnsWithoutHTML`, by position,
    /// followed by `skills` when the change feed selected it.
    init(values: [ColumnValue]) throws {
        let columns = SQLJobPostingRepository.columnNamesWithoutHTML
        let row = ColumnValue.Reader(values: values, columns: values.count > columns.count ? columns + ["skills"] : columns)
        guard values.count == row.columns.count else {
            throw ColumnValueMismatch(column: "*", expected: "\(row.columns.count) columns")
        }
        row_id = try row.integer(0)
        job_id = try row.text(1)
        provider_id = try row.text(2)
        title = try row.text(3)
        description = try row.text(4)
        description_html = nil
        company = try row.text(5)
        location = try row.text(6)
        remote = try row.integer(7)
        employment_type = try row.optionalText(8)
        min_salary = try row.optionalInteger(9)
        max_salary = try row.optionalInteger(10)
        currency = try row.optionalText(11)
        pay_interval = try row.optionalText(12)
        posted_date = try row.integer(13)
        apply_url = try row.optionalText(14)
        expires_at = try row.optionalInteger(15)
        updated_at = try row.integer(16)
        status = try row.text(17)
        content_hash = try row.text(18)
        skills = values.count > columns.count ? try row.optionalText(columns.count) : nil
    }

    /// The posting, with its recorded skills if they were read from the content the row holds now.
    var stored: StoredJobPosting {
        let recorded = skills.map(RecordedSkills.init(text:))
        return StoredJobPosting(rowID: row_id ?? 0, posting: posting,
                                recordedSkills: recorded?.wereRead(fromContent: content_hash) == true ? recorded : nil)
    }
}

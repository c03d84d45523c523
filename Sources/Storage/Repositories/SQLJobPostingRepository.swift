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
        let records = unique.map(JobPostingRecord.init)
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

    /// What one upsert wrote.
    struct WriteOutcome {
        var summary = UpsertSummary()
        var insertedJobIDs: [String] = []
    }

    /// Writes what changed among `records` (made from `postings`, index for index) in the caller's
    /// transaction: new and changed rows in multi-row statements, each followed by its change-feed entries.
    static func write(
        _ records: [JobPostingRecord], of postings: [JobPosting], dialect: any StorageDialect, on database: any SQLDatabase
    ) async throws -> WriteOutcome {
        var outcome = WriteOutcome()
        let rowsPerStatement = max(1, min(2_000, dialect.maximumBindings / JobPostingRecord.textColumnCount))
        for chunk in records.indices.chunked(by: rowsPerStatement) {
            let stored = try await storedFingerprints(jobIDs: chunk.map { records[$0].job_id }, dialect: dialect, on: database)
            var changed: [JobPostingRecord] = []
            var new: Set<String> = []
            var rehashed: [JobPostingRecord] = []
            for index in chunk {
                let record = records[index]
                guard let fingerprint = stored[record.job_id] else {
                    changed.append(record)
                    new.insert(record.job_id)
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
            outcome.summary.inserted += new.count
            outcome.summary.updated += changed.count - new.count
            try await replaceFingerprints(of: rehashed, dialect: dialect, on: database)
            guard !changed.isEmpty else { continue }
            let written = try await upsertRows(changed, dialect: dialect, on: database)
            try await recordChanges(rowIDs: written.map(\.rowID), on: database)
            outcome.insertedJobIDs += written.lazy.filter { new.contains($0.jobID) }.map(\.jobID)
        }
        return outcome
    }

    static let updatableColumns = [
        "provider_id", "title", "description", "description_html", "company", "location", "remote",
        "employment_type", "min_salary", "max_salary", "currency", "pay_interval", "posted_date", "apply_url",
        "expires_at", "updated_at", "status", "content_hash",
    ]

    /// `job_id` → `content_hash` of the stored rows among `jobIDs`.
    static func storedFingerprints(
        jobIDs: [String], dialect: any StorageDialect, on database: any SQLDatabase
    ) async throws -> [String: String] {
        var sql = "SELECT job_id, content_hash FROM job_postings WHERE job_id IN ("
        sql.reserveCapacity(sql.utf8.count + jobIDs.count * 8)
        let placeholders = BindPlaceholders.shared(for: dialect)
        for number in jobIDs.indices {
            if number > 0 { sql += "," }
            sql += placeholders[number + 1]
        }
        sql += ")"
        let rows = try await BoundStatement(sql: sql, binds: jobIDs).all(on: database)
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
        var sql = "INSERT INTO job_postings (job_id, provider_id, title, description, description_html, company, location, "
            + "remote, employment_type, min_salary, max_salary, currency, pay_interval, posted_date, apply_url, expires_at, "
            + "updated_at, status, content_hash) VALUES "
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
            text(record.content_hash); sql += ")"
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

extension Range<Int> {
    func chunked(by size: Int) -> [Range<Int>] {
        stride(from: lowerBound, to: upperBound, by: size).map { $0..<Swift.min($0 + size, upperBound) }
    }
}

/// SQL text with its placeholders already written (see `StorageDialect.bindPlaceholder(at:)`) and the
/// values they stand for: for statements too large to build expression by expression.
struct BoundStatement: SQLExpression {
    var sql: String
    var binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(sql)
        serializer.binds += binds
    }

    func all(on database: any SQLDatabase) async throws -> [any SQLRow] {
        let rows = RowCollector()
        try await database.execute(sql: self) { rows.append($0) }
        return rows.rows
    }

    func run(on database: any SQLDatabase) async throws {
        try await database.execute(sql: self) { _ in }
    }
}

/// Collects result rows; the database calls `onRow` one row at a time.
private final class RowCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [any SQLRow] = []

    func append(_ row: any SQLRow) {
        lock.lock()
        collected.append(row)
        lock.unlock()
    }

    var rows: [any SQLRow] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

/// `StorageDialect.bindPlaceholder(at:)` for 1…`maximumBindings`, spelled once per engine.
struct BindPlaceholders: Sendable {
    private let spelled: [String]

    subscript(number: Int) -> String { spelled[number] }

    private static let sqlite = BindPlaceholders(SQLiteDialect())
    private static let postgresql = BindPlaceholders(PostgreSQLDialect())

    private init(_ dialect: any StorageDialect) {
        spelled = [""] + (1...dialect.maximumBindings).map(dialect.bindPlaceholder(at:))
    }

    static func shared(for dialect: any StorageDialect) -> BindPlaceholders {
        switch dialect.name {
        case SQLiteDialect().name: sqlite
        case PostgreSQLDialect().name: postgresql
        default: BindPlaceholders(dialect)
        }
    }
}

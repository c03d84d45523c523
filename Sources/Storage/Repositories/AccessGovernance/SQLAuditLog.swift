import AccessGovernance
import Domain
import Foundation
import SQLKit

/// The access audit log in `access_audit`, one row per entry; the table refuses updates and deletes.
///
/// An append reads the head and inserts the next number in one transaction. On PostgreSQL the dialect's
/// audit lock makes appenders in every process take turns; should two still pick the same number, the
/// primary key refuses the second, which reads the new head and tries again.
public struct SQLAuditLog: AuditLog {
    private let store: any SQLStore
    private let clock: any WallClock
    /// Tries of one append before a conflict on the sequence number is reported.
    static let attempts = 5

    public init(store: any SQLStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    @discardableResult
    public func append(_ event: AuditEvent) async throws -> AuditEntry {
        try await append(contentsOf: [event])[0]
    }

    @discardableResult
    public func append(contentsOf events: [AuditEvent]) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        var attempt = 1
        while true {
            do {
                return try await appendOnce(events)
            } catch where UniqueViolation.matches(error) && attempt < Self.attempts {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...10) * attempt))
                attempt += 1
            }
        }
    }

    private func appendOnce(_ events: [AuditEvent]) async throws -> [AuditEntry] {
        let clock = self.clock, lock = store.dialect.auditAppendLock
        return try await store.transaction { database in
            if !lock.isEmpty { try await database.raw(SQLQueryString(lock)).run() }
            let head = try await database.raw("SELECT sequence, content_hash FROM access_audit ORDER BY sequence DESC LIMIT 1").first()
            var sequence = try head?.decode(column: "sequence", as: Int64.self) ?? 0
            var previousHash = try head?.decode(column: "content_hash", as: String.self) ?? AuditChain.genesisHash
            var entries: [AuditEntry] = []
            for event in events {
                sequence += 1
                let entry = AuditChain.seal(event, sequence: sequence, at: clock.now(), previousHash: previousHash)
                try await database.raw("""
                    INSERT INTO access_audit (sequence, at, action, actor, subject, details, previous_hash, content_hash)
                    VALUES (\(bind: entry.sequence), \(bind: entry.atMilliseconds), \(bind: entry.action), \(bind: entry.actor),
                            \(bind: entry.subject), \(bind: CanonicalJSON.text(entry.details)), \(bind: entry.previousHash),
                            \(bind: entry.contentHash))
                    """).run()
                previousHash = entry.contentHash
                entries.append(entry)
            }
            return entries
        }
    }

    public func entries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        try await store.read { database in
            let query = database.select().column("*").from("access_audit")
            if let action = filter.action { query.where("action", .equal, action) }
            if let actor = filter.actor { query.where("actor", .equal, actor) }
            if let subject = filter.subject { query.where("subject", .equal, subject) }
            if let from = filter.fromMilliseconds { query.where("at", .greaterThanOrEqual, from) }
            if let to = filter.toMilliseconds { query.where("at", .lessThan, to) }
            if let after = filter.afterSequence { query.where("sequence", .greaterThan, after) }
            return try await query.orderBy("sequence").limit(filter.limit).all().map(Self.entry)
        }
    }

    public func allEntries() async throws -> [AuditEntry] {
        try await store.read { database in
            try await database.raw("SELECT * FROM access_audit ORDER BY sequence").all().map(Self.entry)
        }
    }

    /// A row as it was written: `details` holds the canonical JSON the hash covers. Details that are no
    /// longer JSON (edited by hand) read as their text, so verification names the entry instead of failing.
    private static func entry(_ row: any SQLRow) throws -> AuditEntry {
        let details = try row.decode(column: "details", as: String.self)
        return AuditEntry(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            at: AuditMilliseconds.date(try row.decode(column: "at", as: Int64.self)),
            action: try row.decode(column: "action", as: String.self), actor: try row.decode(column: "actor", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            details: (try? JSONValue.parse(Data(details.utf8))) ?? .string(details),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            contentHash: try row.decode(column: "content_hash", as: String.self)
        )
    }
}

import AccessGovernance
import Domain
import Foundation
import SQLKit
import Storage
import Testing

@Suite("Access audit log storage contract")
struct AuditLogContractTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000.5)

    static func event(_ action: String, actor: String = "u1", subject: String = "r1", details: JSONValue = .object([:])) -> AuditEvent {
        AuditEvent(action: action, actor: actor, subject: subject, details: details)
    }

    /// A store holding `count` entries, one second apart.
    static func filled(_ store: any SQLStore, count: Int = 5) async throws -> SQLAuditLog {
        let clock = AdjustableWallClock(start)
        let log = SQLAuditLog(store: store, clock: clock)
        for number in 1...count {
            try await log.append(event("request.submitted", subject: "r\(number)", details: .object(["n": .number(Double(number))])))
            clock.advance(by: 1)
        }
        return log
    }

    /// What an operator with DDL rights can do: remove the append-only triggers.
    static func dropProtection(_ store: any SQLStore, backend: StorageBackend) async throws {
        try await store.write { database in
            for trigger in ["access_audit_no_update", "access_audit_no_delete"] {
                let statement = backend == .postgres ? "DROP TRIGGER \(trigger) ON access_audit" : "DROP TRIGGER \(trigger)"
                try await database.raw(SQLQueryString(statement)).run()
            }
        }
    }

    static func run(_ statement: String, on store: any SQLStore) async throws {
        try await store.write { database in try await database.raw(SQLQueryString(statement)).run() }
    }

    static func brokenSequence(_ verification: AuditVerification) -> Int64? {
        if case .broken(let sequence, _) = verification { return sequence }
        return nil
    }

    @Test("entries are numbered without gaps, read back as appended, and filter by action, actor, subject, time and sequence", arguments: StorageBackend.available)
    func appendAndFilter(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let clock = AdjustableWallClock(Self.start)
            let log = SQLAuditLog(store: store, clock: clock)
            var appended: [AuditEntry] = []
            for (action, actor, subject) in [
                ("request.submitted", "u1", "r1"), ("approval.approved", "u2", "r1"), ("grant.created", "system", "r1"),
                ("request.submitted", "u1", "r2"), ("approval.denied", "u2", "r2"), ("grant.revoked", "key:ops", "r1"),
            ] {
                appended.append(try await log.append(Self.event(action, actor: actor, subject: subject, details: .object(["by": .string(actor)]))))
                clock.advance(by: 60)
            }
            #expect(appended.map(\.sequence) == [1, 2, 3, 4, 5, 6])
            #expect(appended[0].previousHash == AuditChain.genesisHash)
            #expect(appended[0].at == AuditMilliseconds.date(1_795_000_000_500))
            #expect(try await log.allEntries() == appended)

            #expect(try await log.entries(AuditFilter()).map(\.sequence) == [1, 2, 3, 4, 5, 6])
            #expect(try await log.entries(AuditFilter(action: "request.submitted")).map(\.sequence) == [1, 4])
            #expect(try await log.entries(AuditFilter(actor: "u2")).map(\.sequence) == [2, 5])
            #expect(try await log.entries(AuditFilter(actor: "u2", subject: "r2")).map(\.sequence) == [5])
            #expect(try await log.entries(AuditFilter(subject: "r1")) == [appended[0], appended[1], appended[2], appended[5]])
            let second = appended[1].at, fourth = appended[3].at
            #expect(try await log.entries(AuditFilter(from: second, to: fourth)).map(\.sequence) == [2, 3])
            #expect(try await log.entries(AuditFilter(afterSequence: 4)).map(\.sequence) == [5, 6])
            #expect(try await log.entries(AuditFilter(subject: "r1", afterSequence: 1, limit: 2)).map(\.sequence) == [2, 3])
            #expect(AuditFilter(limit: 5_000).limit == 1_000)

            let memory = InMemoryAuditLog(entries: appended)
            for filter in [AuditFilter(action: "grant.created"), AuditFilter(from: second, to: fourth), AuditFilter(afterSequence: 2, limit: 3)] {
                #expect(try await log.entries(filter) == memory.entries(filter))
            }
        }
    }

    @Test("the chain read back from the database verifies, details with any numbers and text included", arguments: StorageBackend.available)
    func chainVerifies(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let log = SQLAuditLog(store: store, clock: SystemWallClock())
            #expect(try await log.verify() == .intact(entries: 0, lastHash: nil))
            let details = JSONValue.object([
                "tenth": .number(0.1), "huge": .number(1e300), "big": .number(9_007_199_254_740_994), "negative": .number(-7),
                "text": .string("Zoë \u{1F511} \"quoted\"\n\\"), "list": .array([.bool(true), .null, .object([:])]),
            ])
            try await log.append(Self.event("directory.imported", actor: "system", subject: "directory", details: details))
            try await log.append(Self.event("request.decided"))
            let last = try await log.append(Self.event("grant.created", details: .number(3)))
            #expect(try await log.allEntries()[0].details == details)
            #expect(try await log.verify() == .intact(entries: 3, lastHash: last.contentHash))
            #expect(try await log.verify(expectedHead: last.head).isIntact)
        }
    }

    @Test("the database refuses an UPDATE and a DELETE of an entry (and a TRUNCATE on PostgreSQL)", arguments: StorageBackend.available)
    func appendOnly(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let log = try await Self.filled(store, count: 3)
            var statements = ["UPDATE access_audit SET actor = 'mallory' WHERE sequence = 2", "DELETE FROM access_audit WHERE sequence = 3"]
            if backend == .postgres { statements.append("TRUNCATE access_audit") }
            for statement in statements {
                do {
                    try await Self.run(statement, on: store)
                    Issue.record("\(statement) was allowed")
                } catch {
                    #expect(String(reflecting: error).contains("append-only"), "\(statement): \(String(reflecting: error))")
                }
            }
            #expect(try await log.allEntries().count == 3)
            #expect(try await log.verify().isIntact)
        }
    }

    @Test("with the protection dropped, an edit, a re-hashed edit, a deletion or a swap is named at the first broken entry", arguments: StorageBackend.available)
    func tamperingIsNamed(backend: StorageBackend) async throws {
        let tamperings: [(String, Int64, @Sendable (any SQLStore, [AuditEntry]) async throws -> Void)] = [
            ("edited details", 3, { store, _ in try await Self.run(#"UPDATE access_audit SET details = '{"n":30}' WHERE sequence = 3"#, on: store) }),
            ("details no longer JSON", 3, { store, _ in try await Self.run("UPDATE access_audit SET details = 'oops' WHERE sequence = 3", on: store) }),
            ("edited and re-hashed", 4, { store, entries in
                var edited = entries[2]
                edited.actor = "mallory"
                let hash = AuditChain.contentHash(of: edited)
                try await Self.run("UPDATE access_audit SET actor = 'mallory', content_hash = '\(hash)' WHERE sequence = 3", on: store)
            }),
            ("deleted", 4, { store, _ in try await Self.run("DELETE FROM access_audit WHERE sequence = 3", on: store) }),
            ("swapped", 2, { store, _ in
                try await Self.run("UPDATE access_audit SET sequence = -2 WHERE sequence = 2", on: store)
                try await Self.run("UPDATE access_audit SET sequence = 2 WHERE sequence = 3", on: store)
                try await Self.run("UPDATE access_audit SET sequence = 3 WHERE sequence = -2", on: store)
            }),
        ]
        for (tampering, expected, tamper) in tamperings {
            try await backend.withStore { store in
                let log = try await Self.filled(store)
                try await Self.dropProtection(store, backend: backend)
                try await tamper(store, try await log.allEntries())
                let verification = try await log.verify()
                #expect(Self.brokenSequence(verification) == expected, "\(tampering): \(verification)")
            }
        }
    }

    @Test("a deleted last entry leaves a valid chain, which a head noted earlier shows is short", arguments: StorageBackend.available)
    func truncationNeedsAKnownHead(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let log = try await Self.filled(store)
            let head = try #require(try await log.verify().head)
            try await Self.dropProtection(store, backend: backend)
            try await Self.run("DELETE FROM access_audit WHERE sequence = 5", on: store)
            #expect(try await log.verify().isIntact)
            #expect(Self.brokenSequence(try await log.verify(expectedHead: head)) == 5)
        }
    }

    @Test("twenty appends at once from two processes give a gap-free chain that verifies", arguments: StorageBackend.available)
    func concurrentAppends(backend: StorageBackend) async throws {
        try await backend.withTwoStores { first, second in
            let logs = [SQLAuditLog(store: first, clock: SystemWallClock()), SQLAuditLog(store: second, clock: SystemWallClock())]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<20 {
                    group.addTask { try await logs[number % 2].append(Self.event("request.submitted", subject: "r\(number)")) }
                }
                try await group.waitForAll()
            }
            let entries = try await logs[0].allEntries()
            #expect(entries.map(\.sequence) == Array(1...20))
            #expect(Set(entries.map(\.subject)).count == 20)
            #expect(try await logs[1].verify() == .intact(entries: 20, lastHash: entries.last?.contentHash))
        }
    }
}

import Foundation
import Logging
import SQLKit
import TestPeers
import Testing
import VaporCSQLite

@testable import Storage

@Suite("SQLite reads through kept statements")
struct SQLiteStatementReaderTests {
    /// A database file with one table of three rows, written through the store's own writer.
    static func database() async throws -> (store: SQLiteStore, path: String) {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let path = Scratch.root.appendingPathComponent("wayfinder-reader-\(UUID().uuidString).sqlite").path
        let store = try await SQLiteStore.open(path: path, logger: logger)
        try await store.write { database in
            try await database.raw("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, size INTEGER)").run()
            try await database.raw("INSERT INTO things VALUES (1, 'Zürich – café', 10), (2, '', NULL), (3, 'third', 30)").run()
        }
        return (store, path)
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Runs `body` with the store and a reader of `count` connections on a fresh database, then closes both.
    static func withReader(count: Int, _ body: (SQLiteStore, SQLiteStatementReader) async throws -> Void) async throws {
        let (store, path) = try await database()
        defer { remove(path) }
        let reader = try SQLiteStatementReader(path: path, count: count)
        do {
            try await body(store, reader)
        } catch {
            reader.close()
            try await store.close()
            throw error
        }
        reader.close()
        try await store.close()
    }

    @Test("rows come back in the statement's order with integers, text (UTF-8 intact, empty too) and nulls by position")
    func valuesByPosition() async throws {
        try await Self.withReader(count: 2) { _, reader in
            let rows = try reader.values("SELECT id, name, size FROM things WHERE id IN (?, ?) ORDER BY id", binds: [2, 1])
            #expect(rows == [[.integer(1), .text("Zürich – café"), .integer(10)], [.integer(2), .text(""), .null]])
            #expect(try reader.values("SELECT id FROM things WHERE id = ?", binds: [99]) == [])
        }
    }

    @Test("a statement is prepared once and kept; another SQL text gets its own")
    func statementsAreKept() async throws {
        try await Self.withReader(count: 1) { _, reader in
            for id in 1...3 { _ = try reader.values("SELECT name FROM things WHERE id = ?", binds: [Int64(id)]) }
            #expect(reader.preparedStatementCount == 1)
            _ = try reader.values("SELECT name FROM things WHERE id IN (?, ?)", binds: [1, 3])
            #expect(reader.preparedStatementCount == 2)
        }
    }

    @Test("a kept statement sees what was committed after its last read (reading does not hold a snapshot)")
    func seesLaterCommits() async throws {
        try await Self.withReader(count: 1) { store, reader in
            let sql = "SELECT name FROM things WHERE id = ?"
            #expect(try reader.values(sql, binds: [3]) == [[.text("third")]])
            try await store.write { database in
                try await database.raw("UPDATE things SET name = 'renamed' WHERE id = 3").run()
            }
            #expect(try reader.values(sql, binds: [3]) == [[.text("renamed")]])
        }
    }

    @Test("a statement SQLite refuses throws its message, and the connection goes on reading; a closed reader throws")
    func badStatement() async throws {
        try await Self.withReader(count: 1) { _, reader in
            #expect {
                try reader.values("SELECT nope FROM things", binds: [])
            } throws: { error in
                String(describing: error).contains("no such column: nope")
            }
            #expect(throws: (any Error).self) { try reader.values("DELETE FROM things", binds: []) }
            let stillReading = try reader.values("SELECT COUNT(*) FROM things", binds: [])
            #expect(stillReading == [[.integer(3)]])
            reader.close()
            #expect(throws: (any Error).self) { try reader.values("SELECT COUNT(*) FROM things", binds: []) }
        }
    }

    @Test("many concurrent reads each get their own rows, or nil at once when every connection is in use")
    func concurrentReads() async throws {
        try await Self.withReader(count: 2) { _, reader in
            let answers = try await withThrowingTaskGroup(of: (round: Int, rows: [[ColumnValue]]?).self) { group in
                for round in 0..<200 {
                    group.addTask { (round, try reader.values("SELECT id FROM things WHERE id = ?", binds: [Int64(round % 3 + 1)])) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.count == 200)
            for (round, rows) in answers where rows != nil {
                #expect(rows == [[.integer(Int64(round % 3 + 1))]])
            }
        }
    }

    @Test("a reader whose connections are all in use answers nil without waiting, and reads again once one is free")
    func busyReaderAnswersNil() async throws {
        try await Self.withReader(count: 2) { _, reader in
            let sql = "SELECT name FROM things WHERE id = ?"
            try await reader.whileEveryConnectionIsInUse { () async throws in
                let busy = try reader.values(sql, binds: [3])
                #expect(busy == nil)
            }
            #expect(try reader.values(sql, binds: [3]) == [[.text("third")]])
        }
    }

    @Test("a read that SQLite would make wait for a lock answers nil at once, and reads again once the lock is gone")
    func busyDatabaseAnswersNil() async throws {
        // A database in rollback-journal mode, so that another connection's exclusive transaction locks readers out.
        let path = Scratch.root.appendingPathComponent("wayfinder-reader-\(UUID().uuidString).sqlite").path
        defer { Self.remove(path) }
        var other: OpaquePointer?
        #expect(sqlite_nio_sqlite3_open_v2(path, &other, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK)
        defer { sqlite_nio_sqlite3_close(other) }
        #expect(sqlite_nio_sqlite3_exec(other, "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO things VALUES (1, 'one')", nil, nil, nil) == SQLITE_OK)
        let reader = try SQLiteStatementReader(path: path, count: 1)
        defer { reader.close() }
        let sql = "SELECT name FROM things WHERE id = ?"
        #expect(try reader.values(sql, binds: [1]) == [[.text("one")]])
        #expect(sqlite_nio_sqlite3_exec(other, "BEGIN EXCLUSIVE", nil, nil, nil) == SQLITE_OK)
        let started = ContinuousClock.now
        let locked = try reader.values(sql, binds: [1])
        #expect(locked == nil && ContinuousClock.now - started < .seconds(1))
        #expect(sqlite_nio_sqlite3_exec(other, "COMMIT", nil, nil, nil) == SQLITE_OK)
        #expect(try reader.values(sql, binds: [1]) == [[.text("one")]])
    }

    @Test("the store reads through its own connections when the kept ones are all in use, and many pages at once all come back")
    func storeFallsBack() async throws {
        let (store, path) = try await Self.database()
        defer { Self.remove(path) }
        let sql = "SELECT size FROM things WHERE id IN (?, ?) ORDER BY id"
        let reader = try #require(store.pageReader)
        let busyPage = try await reader.whileEveryConnectionIsInUse {
            try await store.pageValues(sql, binds: [1, 3])
        }
        #expect(busyPage == [[.integer(10)], [.integer(30)]])
        let pages = try await withThrowingTaskGroup(of: [[ColumnValue]].self) { group in
            for _ in 0..<100 { group.addTask { try await store.pageValues(sql, binds: [3, 1]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(pages.count == 100 && pages.allSatisfy { $0 == [[.integer(10)], [.integer(30)]] })
        try await store.close()
    }

    @Test("the store reads a page through kept statements and still reads an in-memory database")
    func storePageValues() async throws {
        let (store, path) = try await Self.database()
        defer { Self.remove(path) }
        #expect(try await store.pageValues("SELECT size FROM things WHERE id IN (?, ?) ORDER BY id", binds: [1, 3]) == [[.integer(10)], [.integer(30)]])
        try await store.close()
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let memory = try await SQLiteStore.open(path: ":memory:", logger: logger)
        try await memory.write { try await $0.raw("CREATE TABLE t (x INTEGER)").run(); try await $0.raw("INSERT INTO t VALUES (7)").run() }
        #expect(try await memory.pageValues("SELECT x FROM t WHERE x = ?", binds: [7]) == [[.integer(7)]])
        try await memory.close()
    }
}

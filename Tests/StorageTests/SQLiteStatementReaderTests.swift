import Foundation
import Logging
import SQLKit
import Testing

@testable import Storage

@Suite("SQLite reads through kept statements")
struct SQLiteStatementReaderTests {
    /// A database file with one table of three rows, written through the store's own writer.
    static func database() async throws -> (store: SQLiteStore, path: String) {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-reader-\(UUID().uuidString).sqlite").path
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
            #expect(try reader.values("SELECT id FROM things WHERE id = ?", binds: [99]).isEmpty)
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

    @Test("many concurrent readers each get their own rows")
    func concurrentReads() async throws {
        try await Self.withReader(count: 2) { _, reader in
            let names = try await withThrowingTaskGroup(of: [[ColumnValue]].self) { group in
                for round in 0..<200 {
                    group.addTask { try reader.values("SELECT name FROM things WHERE id = ?", binds: [Int64(round % 3 + 1)]) }
                }
                var count = 0
                for try await rows in group where rows.count == 1 { count += 1 }
                return count
            }
            #expect(names == 200)
        }
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

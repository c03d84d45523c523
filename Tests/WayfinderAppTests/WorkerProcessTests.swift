import Domain
import Foundation
import Hummingbird
import JobPostings
import Logging
import NIOCore
import Platform
import SQLKit
import Storage
import TestPeers
import Testing
import WayfinderApp

/// Real `wayfinder work` processes: several drain one queue, and one killed mid-sync loses nothing.
@Suite("Worker processes")
struct WorkerProcessTests {
    static var postgresURL: String? { ProcessInfo.processInfo.environment["WAYFINDER_TEST_POSTGRES_URL"] }

    /// A `wayfinder work` process on `databaseURL`.
    final class WorkerProcess: Sendable {
        let process: Process

        init(executable: URL, databaseURL: String, workers: Int, environment extra: [String: String] = [:]) throws {
            process = Process()
            process.executableURL = executable
            let directory = Scratch.root.appendingPathComponent("wayfinder-work-\(UUID().uuidString)")
            process.arguments = ["work", "--workers", "\(workers)", "--database-url", databaseURL, "--data-dir", directory.path,
                                 "--log-level", "error"]
            process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.runOneAtATime()
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit(orKillAfter: 10)
        }

        func stop() {
            process.stop(orKillAfter: 30)
        }
    }

    static func logger() -> Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }

    static func freshPostgres(_ base: String) async throws -> String {
        let name = "wayfinder_work_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try await PostgreSQLStore.createDatabase(named: name, serverURL: base, logger: logger())
    }

    @Test("two worker processes on one PostgreSQL database drain 10,000 tasks: none lost, none delivered twice",
          .enabled(if: postgresURL != nil, "needs WAYFINDER_TEST_POSTGRES_URL (CI sets it; see .ci/run)"))
    func drainBacklog() async throws {
        let executable = try #require(TwoServersOnPostgreSQLTests.executable, "build the wayfinder executable first (swift build)")
        let databaseURL = try await Self.freshPostgres(try #require(Self.postgresURL))
        let store = try await PostgreSQLStore.open(url: databaseURL, poolSize: 8, logger: Self.logger())
        try await Migrator(store: store).migrate()
        // Enqueued in one statement: the backlog is there before any worker looks.
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO tasks (name, payload, idempotency_key, state, receives, visible_at, enqueued_at, updated_at)
                SELECT 'ping', '{}', 'backlog-' || n, 'queued', 0, 0, 0, 0 FROM generate_series(1, 10000) AS n
                """).run()
        }
        let queue = SQLTaskQueue(store: store)
        let workers = try (0..<2).map { _ in try WorkerProcess(executable: executable, databaseURL: databaseURL, workers: 4) }
        defer { workers.forEach { $0.stop() } }
        // Only the backlog's own tasks count: the workers' scheduler adds its own (search alerts, each minute).
        @Sendable func pings(_ state: String) async throws -> Int {
            try await store.read { database in
                try await database.raw("SELECT COUNT(*) AS n FROM tasks WHERE name = 'ping' AND state = \(bind: state)")
                    .first(decodingColumn: "n", as: Int.self) ?? 0
            }
        }
        // A bound against hanging, not a speed target: under the whole suite on two cores the drain can take minutes.
        let drained = try await TwoServersOnPostgreSQLTests.waitUntil(.seconds(600)) { try await pings("done") == 10_000 }
        let afterDraining = try await queue.statistics()
        #expect(drained != nil, "the backlog was not drained: \(afterDraining)")
        workers.forEach { $0.stop() }
        #expect(try await pings("done") == 10_000)
        #expect(try await queue.statistics().dead == 0)
        let redelivered = try await store.read { database in
            try await database.raw("SELECT COUNT(*) AS n FROM tasks WHERE name = 'ping' AND receives <> 1").first(decodingColumn: "n", as: Int.self)
        }
        #expect(redelivered == 0, "every task is received exactly once")
        try await store.close()
    }

    @Test("a worker killed with SIGKILL mid-sync leaves no duplicates; the task comes back after its visibility timeout and completes",
          arguments: [false, true])
    func killedMidSync(onPostgres: Bool) async throws {
        if onPostgres && Self.postgresURL == nil { return }
        let executable = try #require(TwoServersOnPostgreSQLTests.executable, "build the wayfinder executable first (swift build)")
        let directory = Scratch.root.appendingPathComponent("wayfinder-kill-\(UUID().uuidString)")
        let databaseURL = onPostgres ? try await Self.freshPostgres(Self.postgresURL!) : "sqlite://\(directory.path)/wayfinder.sqlite"
        let settings = Settings(dataDirectory: directory.path, databaseURL: databaseURL)
        let services = try await AppServices.open(settings: settings, logger: Self.logger(), index: .memory)
        let board = ByteBuffer(data: try SyncBenchmarkBoard.data(count: 300))
        let requests = RequestCounter()
        let router = Router()
        router.get("posting-api/job-board/slow") { _, _ -> Response in
            // The first worker's request hangs: it is killed while waiting. Later requests answer at once.
            if requests.next() == 1 { try await Task.sleep(for: .seconds(60)) }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: board))
        }
        let (ports, portKnown) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { portKnown.yield($0.localAddress?.port ?? 0) }, logger: Self.logger())
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let source = try await services.jobSources.service.add(.init(kind: "ashby", parameters: SourceParameters(board: "slow", baseURL: "http://127.0.0.1:\(port)")))
        let taskID = try await services.jobSources.service.requestSync(id: source.id)
        let environment = ["WAYFINDER_TASK_VISIBILITY_TIMEOUT": "3", "WAYFINDER_PROVIDER_TIMEOUT": "120"]

        let first = try WorkerProcess(executable: executable, databaseURL: databaseURL, workers: 1, environment: environment)
        let asked = try await TwoServersOnPostgreSQLTests.waitUntil(.seconds(60)) { requests.count >= 1 }
        #expect(asked != nil, "the first worker never fetched the board")
        first.kill()
        let second = try WorkerProcess(executable: executable, databaseURL: databaseURL, workers: 1, environment: environment)
        defer { second.stop() }
        let queue = services.backgroundWork.queue
        let finished = try await TwoServersOnPostgreSQLTests.waitUntil(.seconds(60)) {
            if case .done = try await queue.outcome(of: taskID) { return true }
            return false
        }
        let outcome = try await queue.outcome(of: taskID)
        #expect(finished != nil, "the task did not complete: \(outcome)")
        if case .done(let record) = try await queue.outcome(of: taskID) { #expect(record.receives == 2) }
        #expect(try await services.repository.count() == 300)
        #expect(try await services.repository.changes(after: 0, limit: 10_000).count == 300, "each posting written once")
        let runs = try await services.jobSources.service.runs(of: source.id)
        #expect(runs.map(\.status) == [.succeeded])
        await services.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Counts requests across the server's tasks.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var count: Int { lock.withLock { value } }
    func next() -> Int { lock.withLock { value += 1; return value } }
}

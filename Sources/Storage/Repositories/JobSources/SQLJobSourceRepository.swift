import Foundation
import JobPostings
import Platform
import SQLKit

/// Sources, sync runs and source membership over SQLKit.
public struct SQLJobSourceRepository: JobSourceRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func add(name: String, kind: ProviderKind, parameters: SourceParameters, schedule: String, enabled: Bool,
                    createdAt: Date, firstRunAt: Date?) async throws -> JobSource {
        let parametersJSON = String(decoding: try JSONEncoder.sorted.encode(parameters), as: UTF8.self)
        return try await store.transaction { database in
            let id = try await database.raw("""
                INSERT INTO job_sources (name, kind, parameters, schedule, enabled, created_at)
                VALUES (\(bind: name), \(bind: kind.rawValue), \(bind: parametersJSON), \(bind: schedule), \(bind: enabled ? 1 : 0),
                        \(bind: Milliseconds.from(createdAt)))
                RETURNING id
                """).first(decodingColumn: "id", as: Int64.self) ?? 0
            let source = JobSource(id: id, name: name, kind: kind, parameters: parameters, schedule: schedule, enabled: enabled, createdAt: createdAt)
            try await SQLScheduleStore.save(Schedule(
                name: JobSource.scheduleName(id: id), cron: schedule, taskName: SyncJobSourceTask.name,
                payload: try JSONEncoder.sorted.encode(SyncJobSourceTask.Payload(sourceID: id)), enabled: enabled,
                nextRunAt: firstRunAt ?? .distantFuture
            ), on: database)
            return source
        }
    }

    public func source(id: Int64) async throws -> JobSource? {
        try await store.read { database in
            try await database.raw("SELECT * FROM job_sources WHERE id = \(bind: id)").first().map { try JobSource(row: $0) }
        }
    }

    public func statuses() async throws -> [JobSourceStatus] {
        try await store.read { database in
            var statuses: [JobSourceStatus] = []
            for row in try await database.raw("SELECT * FROM job_sources ORDER BY id").all() {
                statuses.append(try await Self.status(of: try JobSource(row: row), on: database))
            }
            return statuses
        }
    }

    public func status(id: Int64) async throws -> JobSourceStatus? {
        try await store.read { database in
            guard let row = try await database.raw("SELECT * FROM job_sources WHERE id = \(bind: id)").first() else { return nil }
            return try await Self.status(of: try JobSource(row: row), on: database)
        }
    }

    /// The source with its last run and its next scheduled run.
    private static func status(of source: JobSource, on database: any SQLDatabase) async throws -> JobSourceStatus {
        let lastRun = try await database.raw("""
            SELECT * FROM job_sync_runs WHERE source_id = \(bind: source.id) ORDER BY id DESC LIMIT 1
            """).first().map { try SyncRun(row: $0) }
        let next = try await database.raw("""
            SELECT next_run_at FROM schedules WHERE name = \(bind: JobSource.scheduleName(id: source.id)) AND enabled = 1
            """).first(decodingColumn: "next_run_at", as: Int64.self).map(Milliseconds.date)
        return JobSourceStatus(source: source, lastRun: lastRun, nextRunAt: next)
    }

    public func remove(id: Int64) async throws -> Bool {
        try await store.transaction { database in
            let removed = try await database.raw("DELETE FROM job_sources WHERE id = \(bind: id) RETURNING id").first() != nil
            guard removed else { return false }
            try await database.raw("DELETE FROM schedules WHERE name = \(bind: JobSource.scheduleName(id: id))").run()
            try await database.raw("DELETE FROM job_sync_runs WHERE source_id = \(bind: id)").run()
            try await database.raw("DELETE FROM job_source_postings WHERE source_id = \(bind: id)").run()
            return true
        }
    }

    public func openPostings(of sourceID: Int64) async throws -> Set<String> {
        try await store.read { database in
            Set(try await database.raw("""
                SELECT m.job_id FROM job_source_postings m JOIN job_postings p ON p.job_id = m.job_id
                WHERE m.source_id = \(bind: sourceID) AND p.status IN ('open', 'duplicate')
                """).all(decodingColumn: "job_id", as: String.self))
        }
    }

    public func record(_ run: SyncRun, listed jobIDs: [String], event: DomainEvent) async throws -> SyncRun {
        let examples = String(decoding: try JSONEncoder.sorted.encode(run.skippedExamples), as: UTF8.self)
        let rowsPerStatement = store.dialect.maximumBindings / 2
        return try await store.transaction { database in
            for chunk in jobIDs.chunked(by: rowsPerStatement) {
                var insert = database.insert(into: "job_source_postings").columns("source_id", "job_id")
                for jobID in chunk { insert = insert.values(run.sourceID, jobID) }
                try await insert.ignoringConflicts(with: ["source_id", "job_id"]).run()
            }
            let id = try await database.raw("""
                INSERT INTO job_sync_runs (source_id, started_at, finished_at, status, fetched, inserted, updated, unchanged, skipped,
                    closed, duplicates, error, skipped_examples)
                VALUES (\(bind: run.sourceID), \(bind: Milliseconds.from(run.startedAt)), \(bind: Milliseconds.from(run.finishedAt)),
                    \(bind: run.status.rawValue), \(bind: run.fetched), \(bind: run.inserted), \(bind: run.updated), \(bind: run.unchanged),
                    \(bind: run.skipped), \(bind: run.closed), \(bind: run.duplicates), \(bind: run.error), \(bind: examples))
                RETURNING id
                """).first(decodingColumn: "id", as: Int64.self)
            try await SQLEventOutbox.append([event], on: database)
            var recorded = run
            recorded.id = id
            return recorded
        }
    }

    public func runs(of sourceID: Int64, limit: Int) async throws -> [SyncRun] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM job_sync_runs WHERE source_id = \(bind: sourceID) ORDER BY id DESC LIMIT \(bind: limit)
                """).all().map { try SyncRun(row: $0) }
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

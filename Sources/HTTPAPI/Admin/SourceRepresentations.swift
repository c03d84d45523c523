import Foundation
import JobPostings
import Platform

/// A source as the admin API shows it, with its last run and next run.
struct SourceBody: Encodable {
    var status: JobSourceStatus

    private enum CodingKeys: String, CodingKey {
        case id, name, kind, board, site, url, count, baseURL = "base_url", schedule, enabled, createdAt = "created_at"
        case lastRun = "last_run", nextRunAt = "next_run_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let source = status.source
        try container.encode(source.id, forKey: .id)
        try container.encode(source.name, forKey: .name)
        try container.encode(source.kind.rawValue, forKey: .kind)
        try container.encodeIfPresent(source.parameters.board, forKey: .board)
        try container.encodeIfPresent(source.parameters.site, forKey: .site)
        try container.encodeIfPresent(source.parameters.url, forKey: .url)
        try container.encodeIfPresent(source.parameters.count, forKey: .count)
        try container.encodeIfPresent(source.parameters.baseURL, forKey: .baseURL)
        try container.encode(source.schedule, forKey: .schedule)
        try container.encode(source.enabled, forKey: .enabled)
        try container.encode(source.createdAt, forKey: .createdAt)
        try container.encode(status.lastRun.map(SyncRunBody.init), forKey: .lastRun)
        try container.encode(status.nextRunAt, forKey: .nextRunAt)
    }
}

struct SyncRunBody: Encodable {
    var run: SyncRun

    private enum CodingKeys: String, CodingKey {
        case id, sourceID = "source_id", status, startedAt = "started_at", finishedAt = "finished_at", durationMS = "duration_ms"
        case fetched, inserted, updated, unchanged, skipped, closed, duplicates, error, skippedExamples = "skipped_examples"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(run.id, forKey: .id)
        try container.encode(run.sourceID, forKey: .sourceID)
        try container.encode(run.status.rawValue, forKey: .status)
        try container.encode(run.startedAt, forKey: .startedAt)
        try container.encode(run.finishedAt, forKey: .finishedAt)
        try container.encode(Int((run.duration * 1_000).rounded()), forKey: .durationMS)
        try container.encode(run.fetched, forKey: .fetched)
        try container.encode(run.inserted, forKey: .inserted)
        try container.encode(run.updated, forKey: .updated)
        try container.encode(run.unchanged, forKey: .unchanged)
        try container.encode(run.skipped, forKey: .skipped)
        try container.encode(run.closed, forKey: .closed)
        try container.encode(run.duplicates, forKey: .duplicates)
        try container.encode(run.error, forKey: .error)
        try container.encode(run.skippedExamples, forKey: .skippedExamples)
    }
}

struct TaskBody: Encodable {
    var task: TaskRecord

    private enum CodingKeys: String, CodingKey {
        case id, name, payload, idempotencyKey = "idempotency_key", state, receives, visibleAt = "visible_at"
        case lastError = "last_error", enqueuedAt = "enqueued_at", updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(task.id, forKey: .id)
        try container.encode(task.name, forKey: .name)
        try container.encode(String(decoding: task.payload, as: UTF8.self), forKey: .payload)
        try container.encode(task.idempotencyKey, forKey: .idempotencyKey)
        try container.encode(task.state.rawValue, forKey: .state)
        try container.encode(task.receives, forKey: .receives)
        try container.encode(task.visibleAt, forKey: .visibleAt)
        try container.encode(task.lastError, forKey: .lastError)
        try container.encode(task.enqueuedAt, forKey: .enqueuedAt)
        try container.encode(task.updatedAt, forKey: .updatedAt)
    }
}

struct DeadLetterBody: Encodable {
    var letter: DeadLetter

    private enum CodingKeys: String, CodingKey {
        case id, taskID = "task_id", name, payload, idempotencyKey = "idempotency_key", receives, lastError = "last_error"
        case enqueuedAt = "enqueued_at", diedAt = "died_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(letter.id, forKey: .id)
        try container.encode(letter.taskID, forKey: .taskID)
        try container.encode(letter.name, forKey: .name)
        try container.encode(String(decoding: letter.payload, as: UTF8.self), forKey: .payload)
        try container.encode(letter.idempotencyKey, forKey: .idempotencyKey)
        try container.encode(letter.receives, forKey: .receives)
        try container.encode(letter.lastError, forKey: .lastError)
        try container.encode(letter.enqueuedAt, forKey: .enqueuedAt)
        try container.encode(letter.diedAt, forKey: .diedAt)
    }
}

struct SourceDetailBody: Encodable {
    var source: SourceBody
    var runs: [SyncRunBody]
}

struct TaskListBody: Encodable {
    var tasks: [TaskBody]
    var counts: [String: Int]
}

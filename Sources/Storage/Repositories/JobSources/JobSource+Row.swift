import Foundation
import JobPostings
import SQLKit

extension JobSource {
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            kind: ProviderKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .demo,
            parameters: try JSONDecoder().decode(SourceParameters.self, from: Data(try row.decode(column: "parameters", as: String.self).utf8)),
            schedule: try row.decode(column: "schedule", as: String.self),
            enabled: try row.decode(column: "enabled", as: Int.self) != 0,
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self))
        )
    }
}

extension SyncRun {
    init(row: any SQLRow) throws {
        self.init(
            sourceID: try row.decode(column: "source_id", as: Int64.self),
            startedAt: Milliseconds.date(try row.decode(column: "started_at", as: Int64.self)),
            finishedAt: Milliseconds.date(try row.decode(column: "finished_at", as: Int64.self)),
            status: SyncStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed
        )
        id = try row.decode(column: "id", as: Int64.self)
        fetched = try row.decode(column: "fetched", as: Int.self)
        inserted = try row.decode(column: "inserted", as: Int.self)
        updated = try row.decode(column: "updated", as: Int.self)
        unchanged = try row.decode(column: "unchanged", as: Int.self)
        skipped = try row.decode(column: "skipped", as: Int.self)
        closed = try row.decode(column: "closed", as: Int.self)
        duplicates = try row.decode(column: "duplicates", as: Int.self)
        error = try row.decode(column: "error", as: String?.self)
        skippedExamples = (try? JSONDecoder().decode([SkippedPosting].self, from: Data(try row.decode(column: "skipped_examples", as: String.self).utf8))) ?? []
    }
}

import Foundation
import Platform
import SQLKit

extension TaskRecord {
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            payload: Data(try row.decode(column: "payload", as: String.self).utf8),
            idempotencyKey: try row.decode(column: "idempotency_key", as: String?.self),
            state: TaskState(rawValue: try row.decode(column: "state", as: String.self)) ?? .queued,
            receives: try row.decode(column: "receives", as: Int.self),
            visibleAt: Milliseconds.date(try row.decode(column: "visible_at", as: Int64.self)),
            lastError: try row.decode(column: "last_error", as: String?.self),
            enqueuedAt: Milliseconds.date(try row.decode(column: "enqueued_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}

extension DeadLetter {
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: Int64.self),
            taskID: try row.decode(column: "task_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            payload: Data(try row.decode(column: "payload", as: String.self).utf8),
            idempotencyKey: try row.decode(column: "idempotency_key", as: String?.self),
            receives: try row.decode(column: "receives", as: Int.self),
            lastError: try row.decode(column: "last_error", as: String.self),
            enqueuedAt: Milliseconds.date(try row.decode(column: "enqueued_at", as: Int64.self)),
            diedAt: Milliseconds.date(try row.decode(column: "died_at", as: Int64.self))
        )
    }
}

import Foundation
import Platform

/// The background task that syncs one source: enqueued by the source's schedule, by
/// `wayfinder sources sync` and by `POST /api/v1/admin/sources/{id}/sync`.
public enum SyncJobSourceTask {
    public static let name = "sync_job_source"

    public struct Payload: Codable, Sendable, Equatable {
        public var sourceID: Int64

        public init(sourceID: Int64) {
            self.sourceID = sourceID
        }

        private enum CodingKeys: String, CodingKey { case sourceID = "source_id" }
    }

    /// A task for an on-demand sync; the key keeps a double click from queueing two syncs of one source at once.
    public static func onDemand(sourceID: Int64, requestedAt: Date) throws -> NewTask {
        let second = Int64(requestedAt.timeIntervalSince1970)
        return try NewTask(name: name, json: Payload(sourceID: sourceID), idempotencyKey: "sync:\(sourceID):\(second)")
    }

    /// Registers the handler that runs `sync` for the task's source.
    public static func register(in handlers: inout TaskHandlers, sync: JobSourceSync) {
        handlers.register(name) { task in
            _ = try await sync.sync(sourceID: try task.decode(Payload.self).sourceID)
        }
    }
}

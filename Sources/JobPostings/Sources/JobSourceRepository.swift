import Foundation
import Platform

/// Where sources, their sync runs and the postings each source lists are kept.
public protocol JobSourceRepository: Sendable {
    /// Stores a new source with its schedule, together; returns it with its id.
    func add(name: String, kind: ProviderKind, parameters: SourceParameters, schedule: String, enabled: Bool,
             createdAt: Date, firstRunAt: Date?) async throws -> JobSource
    func source(id: Int64) async throws -> JobSource?
    /// Every source with its last run and next scheduled run, oldest first.
    func statuses() async throws -> [JobSourceStatus]
    /// One source with its last run and next scheduled run; nil when there is none.
    func status(id: Int64) async throws -> JobSourceStatus?
    /// Removes the source, its schedule and its run history; its postings stay. False when there is none.
    func remove(id: Int64) async throws -> Bool
    /// The job ids this source listed before that are still open (searchable, or shown through a duplicate).
    func openPostings(of sourceID: Int64) async throws -> Set<String>
    /// Records a finished run, the postings it listed (those not recorded before suffice) and its
    /// `job_sync.completed` event, together.
    func record(_ run: SyncRun, listed jobIDs: [String], event: DomainEvent) async throws -> SyncRun
    func runs(of sourceID: Int64, limit: Int) async throws -> [SyncRun]
}

extension JobSource {
    /// The name under which the scheduler keeps this source's schedule.
    public static func scheduleName(id: Int64) -> String { "job_source:\(id)" }
}

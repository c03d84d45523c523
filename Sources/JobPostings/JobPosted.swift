import Foundation
import Platform

/// `job.posted`: postings that became searchable for the first time, written in the transaction that
/// stored them, one event per write batch (an import of a million postings makes a thousand events,
/// not a million). Postings stored as duplicates of another source's are left out.
public struct JobPosted: Codable, Sendable, Equatable {
    public static let topic = "job.posted"

    public var jobIDs: [String]

    public init(jobIDs: [String]) {
        self.jobIDs = jobIDs
    }

    private enum CodingKeys: String, CodingKey { case jobIDs = "job_ids" }

    public func event(at time: Date) throws -> DomainEvent {
        try DomainEvent(topic: Self.topic, json: self, occurredAt: time)
    }
}

import Foundation
import SkillsGraph
import SQLKit

/// Contact requests over SQLKit: one per job and candidate.
public struct SQLContactRequestRepository: ContactRequestRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ request: ContactRequest) async throws -> (request: ContactRequest, created: Bool) {
        try await store.transaction { database in
            let created = try await database.raw("""
                INSERT INTO contact_requests (id, job_id, company_id, candidate_id, requested_by, message, status, created_at, answered_at)
                VALUES (\(bind: request.id), \(bind: request.jobID), \(bind: request.companyID), \(bind: request.candidateID),
                        \(bind: request.requestedBy), \(bind: request.message), \(bind: request.status.rawValue),
                        \(bind: Milliseconds.from(request.createdAt)), NULL)
                ON CONFLICT (job_id, candidate_id) DO NOTHING RETURNING id
                """).first() != nil
            guard !created, let existing = try await database.raw("""
                SELECT * FROM contact_requests WHERE job_id = \(bind: request.jobID) AND candidate_id = \(bind: request.candidateID)
                """).first().map(Self.request) else { return (request, true) }
            return (existing, false)
        }
    }

    public func requests(candidateID: String) async throws -> [ContactRequest] {
        try await store.read { database in
            try await database.raw("SELECT * FROM contact_requests WHERE candidate_id = \(bind: candidateID) ORDER BY created_at DESC, id")
                .all().map(Self.request)
        }
    }

    public func requests(jobID: String) async throws -> [ContactRequest] {
        try await store.read { database in
            try await database.raw("SELECT * FROM contact_requests WHERE job_id = \(bind: jobID) ORDER BY created_at DESC, id").all().map(Self.request)
        }
    }

    public func request(id: String, candidateID: String) async throws -> ContactRequest? {
        try await store.read { database in
            try await database.raw("SELECT * FROM contact_requests WHERE id = \(bind: id) AND candidate_id = \(bind: candidateID)").first().map(Self.request)
        }
    }

    public func answer(id: String, candidateID: String, status: ContactRequest.Status, at time: Date) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE contact_requests SET status = \(bind: status.rawValue), answered_at = \(bind: Milliseconds.from(time))
                WHERE id = \(bind: id) AND candidate_id = \(bind: candidateID) AND status = 'pending' RETURNING id
                """).first() != nil
        }
    }

    private static func request(_ row: any SQLRow) throws -> ContactRequest {
        ContactRequest(id: try row.decode(column: "id", as: String.self), jobID: try row.decode(column: "job_id", as: String.self),
                       companyID: try row.decode(column: "company_id", as: String.self),
                       candidateID: try row.decode(column: "candidate_id", as: String.self),
                       requestedBy: try row.decode(column: "requested_by", as: String.self), message: try row.decode(column: "message", as: String.self),
                       status: ContactRequest.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
                       createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
                       answeredAt: try row.decode(column: "answered_at", as: Int64?.self).map(Milliseconds.date))
    }
}

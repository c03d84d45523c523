import Foundation

/// An employer asking a matched candidate to be introduced for one job. Until the candidate
/// accepts, the employer sees only the anonymized candidate.
public struct ContactRequest: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable { case pending, accepted, declined }

    public var id: String
    public var jobID: String
    public var companyID: String
    public var candidateID: String
    public var requestedBy: String
    public var message: String
    public var status: Status
    public var createdAt: Date
    public var answeredAt: Date?

    public init(id: String, jobID: String, companyID: String, candidateID: String, requestedBy: String, message: String, status: Status,
                createdAt: Date, answeredAt: Date? = nil) {
        self.id = id
        self.jobID = jobID
        self.companyID = companyID
        self.candidateID = candidateID
        self.requestedBy = requestedBy
        self.message = message
        self.status = status
        self.createdAt = createdAt
        self.answeredAt = answeredAt
    }
}

public protocol ContactRequestRepository: Sendable {
    /// Adds the request unless one for the same job and candidate exists; returns the one that stands.
    func insert(_ request: ContactRequest) async throws -> (request: ContactRequest, created: Bool)
    func requests(candidateID: String) async throws -> [ContactRequest]
    func requests(jobID: String) async throws -> [ContactRequest]
    func request(id: String, candidateID: String) async throws -> ContactRequest?
    /// Answers a pending request; false when it was answered already.
    func answer(id: String, candidateID: String, status: ContactRequest.Status, at time: Date) async throws -> Bool
}

/// What an employer sees of a candidate once they accept contact.
public struct CandidateProfile: Sendable, Equatable {
    public var userID: String
    public var name: String
    public var email: String
    public var headline: String?
    public var location: String?

    public init(userID: String, name: String, email: String, headline: String?, location: String?) {
        self.userID = userID
        self.name = name
        self.email = email
        self.headline = headline
        self.location = location
    }
}

/// Reads a candidate's profile for an employer they accepted.
public protocol CandidateProfiles: Sendable {
    func profile(userID: String) async throws -> CandidateProfile?
}

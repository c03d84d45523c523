import Foundation

/// An employer's company: its members post and manage its jobs.
public struct Company: Sendable, Equatable {
    public var id: String
    public var name: String
    public var website: String?
    public var about: String?
    public var location: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, name: String, website: String?, about: String?, location: String?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.name = name
        self.website = website
        self.about = about
        self.location = location
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a member may do: owners manage the company and its members; recruiters manage its jobs
/// and candidates.
public enum CompanyRole: String, Sendable, Codable, CaseIterable {
    case owner, recruiter
}

public struct CompanyMember: Sendable, Equatable {
    public var companyID: String
    public var userID: String
    public var name: String
    public var email: String
    public var role: CompanyRole
    public var addedAt: Date

    public init(companyID: String, userID: String, name: String, email: String, role: CompanyRole, addedAt: Date) {
        self.companyID = companyID
        self.userID = userID
        self.name = name
        self.email = email
        self.role = role
        self.addedAt = addedAt
    }
}

/// An invitation to join a company, sent by mail; the token is kept only as its hash.
public struct CompanyInvitation: Sendable, Equatable {
    public var id: String
    public var companyID: String
    public var email: String
    public var role: CompanyRole
    public var invitedBy: String
    public var createdAt: Date
    public var expiresAt: Date
    public var acceptedAt: Date?

    public init(id: String, companyID: String, email: String, role: CompanyRole, invitedBy: String, createdAt: Date, expiresAt: Date,
                acceptedAt: Date? = nil) {
        self.id = id
        self.companyID = companyID
        self.email = email
        self.role = role
        self.invitedBy = invitedBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedAt = acceptedAt
    }
}

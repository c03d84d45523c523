import Foundation

/// Companies, their members and invitations. Reads for a user go through membership, so a company
/// one does not belong to cannot be read by accident.
public protocol CompanyRepository: Sendable {
    /// Creates the company with its creator as owner, in one transaction.
    func create(_ company: Company, owner: CompanyMember) async throws
    func update(_ company: Company) async throws
    /// The company if `userID` is a member, with their role.
    func company(id: String, member userID: String) async throws -> (company: Company, role: CompanyRole)?
    func company(id: String) async throws -> Company?
    func companies(member userID: String) async throws -> [(company: Company, role: CompanyRole)]
    func members(companyID: String) async throws -> [CompanyMember]
    func addMember(_ member: CompanyMember) async throws
    func removeMember(companyID: String, userID: String) async throws -> Bool
    func insertInvitation(_ invitation: CompanyInvitation, tokenHash: String) async throws
    func invitations(companyID: String) async throws -> [CompanyInvitation]
    func invitation(tokenHash: String) async throws -> CompanyInvitation?
    /// Marks the invitation accepted and adds the member together; false when it was accepted already.
    func accept(_ invitation: CompanyInvitation, member: CompanyMember) async throws -> Bool
}

/// Who a user is, as company pages show members and invitations are matched to accounts.
public struct Person: Sendable, Equatable {
    public var userID: String
    public var name: String
    public var email: String

    public init(userID: String, name: String, email: String) {
        self.userID = userID
        self.name = name
        self.email = email
    }
}

/// Reads people from the accounts of the app.
public protocol PersonDirectory: Sendable {
    func person(userID: String) async throws -> Person?
}

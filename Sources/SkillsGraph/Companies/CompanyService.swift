import Crypto
import Domain
import Foundation

/// Companies for employers: create one (employers and admins), read and change it (members; owners
/// for its name and members), invite people by mail and accept an invitation. A company one is not a
/// member of is 404, never 403.
public struct CompanyService: Sendable {
    let repository: any CompanyRepository
    let people: any PersonDirectory
    let invitations: (any InvitationMailer)?
    let clock: any WallClock
    /// How long an invitation can be accepted.
    public var invitationLifetime: TimeInterval = 14 * 86_400

    public init(repository: any CompanyRepository, people: any PersonDirectory, invitations: (any InvitationMailer)?, clock: any WallClock) {
        self.repository = repository
        self.people = people
        self.invitations = invitations
        self.clock = clock
    }

    public func create(actor: Actor, draft: CompanyDraft) async throws -> Company {
        guard actor.groups.contains(.employer) || actor.isAdmin else {
            throw DomainError.forbidden("Only employer accounts create companies.")
        }
        try draft.validate(creating: true)
        guard let person = try await people.person(userID: actor.userID) else { throw DomainError.unauthorized("Sign in again.") }
        let now = clock.now()
        let company = Company(id: UUID().uuidString.lowercased(), name: draft.name ?? "", website: draft.website ?? nil, about: draft.about ?? nil,
                              location: draft.location ?? nil, createdAt: now, updatedAt: now)
        try await repository.create(company, owner: CompanyMember(companyID: company.id, userID: actor.userID, name: person.name,
                                                                  email: person.email, role: .owner, addedAt: now))
        return company
    }

    public func companies(actor: Actor) async throws -> [(company: Company, role: CompanyRole)] {
        try await repository.companies(member: actor.userID)
    }

    /// The company and the actor's role in it; 404 for non-members.
    public func company(actor: Actor, id: String) async throws -> (company: Company, role: CompanyRole) {
        guard let found = try await repository.company(id: id, member: actor.userID) else { throw DomainError.notFound("No such company.") }
        return found
    }

    public func update(actor: Actor, id: String, draft: CompanyDraft) async throws -> Company {
        var (company, role) = try await company(actor: actor, id: id)
        guard role == .owner else { throw DomainError.forbidden("Only the company's owners change its details.") }
        try draft.validate(creating: false)
        if let name = draft.name { company.name = name }
        if let website = draft.website { company.website = website }
        if let about = draft.about { company.about = about }
        if let location = draft.location { company.location = location }
        company.updatedAt = clock.now()
        try await repository.update(company)
        return company
    }

    public func members(actor: Actor, companyID: String) async throws -> [CompanyMember] {
        _ = try await company(actor: actor, id: companyID)
        return try await repository.members(companyID: companyID)
    }

    public func invitations(actor: Actor, companyID: String) async throws -> [CompanyInvitation] {
        _ = try await company(actor: actor, id: companyID)
        return try await repository.invitations(companyID: companyID)
    }

    /// Invites `email` to join as `role`; the mail carries the only copy of the token.
    public func invite(actor: Actor, companyID: String, email: String, role: CompanyRole) async throws -> CompanyInvitation {
        let (company, actorRole) = try await company(actor: actor, id: companyID)
        guard actorRole == .owner else { throw DomainError.forbidden("Only the company's owners invite people.") }
        let address = email.trimmingWhitespace().lowercased()
        guard address.count <= 254, address.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil else {
            throw DomainError.invalid("The invitation needs an email address.", fieldErrors: [FieldError(field: "email", message: "must be an email address")])
        }
        let now = clock.now()
        let token = Self.token()
        let invitation = CompanyInvitation(id: UUID().uuidString.lowercased(), companyID: companyID, email: address, role: role,
                                           invitedBy: actor.userID, createdAt: now, expiresAt: now.addingTimeInterval(invitationLifetime))
        try await repository.insertInvitation(invitation, tokenHash: Self.hash(token))
        try await invitations?.invite(email: address, companyName: company.name, role: role, token: token, invitationID: invitation.id)
        return invitation
    }

    /// Accepts an invitation for the signed-in user, whose account must carry the invited address.
    public func accept(actor: Actor, token: String) async throws -> Company {
        guard let invitation = try await repository.invitation(tokenHash: Self.hash(token)),
              let person = try await people.person(userID: actor.userID),
              person.email.lowercased() == invitation.email else {
            throw DomainError.notFound("No such invitation for this account.")
        }
        guard invitation.acceptedAt == nil else { throw DomainError.conflict("This invitation was accepted already.") }
        guard invitation.expiresAt > clock.now() else { throw DomainError.conflict("This invitation has expired; ask for a new one.") }
        guard let company = try await repository.company(id: invitation.companyID) else { throw DomainError.notFound("No such company.") }
        if try await repository.company(id: company.id, member: actor.userID) == nil {
            let member = CompanyMember(companyID: company.id, userID: actor.userID, name: person.name, email: person.email,
                                       role: invitation.role, addedAt: clock.now())
            guard try await repository.accept(invitation, member: member) else { throw DomainError.conflict("This invitation was accepted already.") }
        }
        return company
    }

    public func removeMember(actor: Actor, companyID: String, userID: String) async throws {
        let (_, role) = try await company(actor: actor, id: companyID)
        guard role == .owner || userID == actor.userID else { throw DomainError.forbidden("Only the company's owners remove members.") }
        let members = try await repository.members(companyID: companyID)
        guard let member = members.first(where: { $0.userID == userID }) else { throw DomainError.notFound("No such member.") }
        if member.role == .owner, members.filter({ $0.role == .owner }).count == 1 {
            throw DomainError.conflict("A company keeps at least one owner.")
        }
        _ = try await repository.removeMember(companyID: companyID, userID: userID)
    }

    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Sends an invitation mail with its acceptance link.
public protocol InvitationMailer: Sendable {
    func invite(email: String, companyName: String, role: CompanyRole, token: String, invitationID: String) async throws
}

/// A company's fields as a client sends them; nil leaves a field as it is (`website: ""` clears it).
public struct CompanyDraft: Sendable {
    public var name: String?
    public var website: String??
    public var about: String??
    public var location: String??

    public init(name: String? = nil, website: String?? = nil, about: String?? = nil, location: String?? = nil) {
        self.name = name
        self.website = website
        self.about = about
        self.location = location
    }

    func validate(creating: Bool) throws {
        var problems: [FieldError] = []
        if creating, (name ?? "").trimmingWhitespace().isEmpty { problems.append(FieldError(field: "name", message: "is required")) }
        if let name, name.trimmingWhitespace().isEmpty || name.count > 200 { problems.append(FieldError(field: "name", message: "must be 1–200 characters")) }
        if let website = website ?? nil, !(website.hasPrefix("https://") || website.hasPrefix("http://")) || website.count > 2048 {
            problems.append(FieldError(field: "website", message: "must be an http or https URL"))
        }
        if let about = about ?? nil, about.count > 5000 { problems.append(FieldError(field: "about", message: "must be at most 5,000 characters")) }
        if let location = location ?? nil, location.count > 200 { problems.append(FieldError(field: "location", message: "must be at most 200 characters")) }
        guard problems.isEmpty else { throw DomainError.invalid("The company has invalid fields.", fieldErrors: problems) }
    }
}

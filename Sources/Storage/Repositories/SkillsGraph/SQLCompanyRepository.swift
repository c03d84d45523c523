import Foundation
import SkillsGraph
import SQLKit

/// Companies, members and invitations over SQLKit.
public struct SQLCompanyRepository: CompanyRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func create(_ company: Company, owner: CompanyMember) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO skill_companies (id, name, website, about, location, created_at, updated_at)
                VALUES (\(bind: company.id), \(bind: company.name), \(bind: company.website), \(bind: company.about), \(bind: company.location),
                        \(bind: Milliseconds.from(company.createdAt)), \(bind: Milliseconds.from(company.updatedAt)))
                """).run()
            try await Self.insert(owner, on: database)
        }
    }

    public func update(_ company: Company) async throws {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE skill_companies SET name = \(bind: company.name), website = \(bind: company.website), about = \(bind: company.about),
                    location = \(bind: company.location), updated_at = \(bind: Milliseconds.from(company.updatedAt))
                WHERE id = \(bind: company.id)
                """).run()
        }
    }

    public func company(id: String, member userID: String) async throws -> (company: Company, role: CompanyRole)? {
        try await store.read { database in
            try await database.raw("""
                SELECT c.*, m.role FROM skill_companies c JOIN skill_company_members m ON m.company_id = c.id
                WHERE c.id = \(bind: id) AND m.user_id = \(bind: userID)
                """).first().map { (try Self.company($0), CompanyRole(rawValue: try $0.decode(column: "role", as: String.self)) ?? .recruiter) }
        }
    }

    public func company(id: String) async throws -> Company? {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_companies WHERE id = \(bind: id)").first().map(Self.company)
        }
    }

    public func companies(member userID: String) async throws -> [(company: Company, role: CompanyRole)] {
        try await store.read { database in
            try await database.raw("""
                SELECT c.*, m.role FROM skill_companies c JOIN skill_company_members m ON m.company_id = c.id
                WHERE m.user_id = \(bind: userID) ORDER BY c.name, c.id
                """).all().map { (try Self.company($0), CompanyRole(rawValue: try $0.decode(column: "role", as: String.self)) ?? .recruiter) }
        }
    }

    public func members(companyID: String) async throws -> [CompanyMember] {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_company_members WHERE company_id = \(bind: companyID) ORDER BY added_at, user_id")
                .all().map(Self.member)
        }
    }

    public func addMember(_ member: CompanyMember) async throws {
        try await store.transaction { database in try await Self.insert(member, on: database) }
    }

    public func removeMember(companyID: String, userID: String) async throws -> Bool {
        try await store.transaction { database in
            try await database.raw("""
                DELETE FROM skill_company_members WHERE company_id = \(bind: companyID) AND user_id = \(bind: userID) RETURNING user_id
                """).first() != nil
        }
    }

    public func insertInvitation(_ invitation: CompanyInvitation, tokenHash: String) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO skill_company_invitations (id, company_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at)
                VALUES (\(bind: invitation.id), \(bind: invitation.companyID), \(bind: invitation.email), \(bind: invitation.role.rawValue),
                        \(bind: tokenHash), \(bind: invitation.invitedBy), \(bind: Milliseconds.from(invitation.createdAt)),
                        \(bind: Milliseconds.from(invitation.expiresAt)), NULL)
                """).run()
        }
    }

    public func invitations(companyID: String) async throws -> [CompanyInvitation] {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_company_invitations WHERE company_id = \(bind: companyID) ORDER BY created_at DESC, id")
                .all().map(Self.invitation)
        }
    }

    public func invitation(tokenHash: String) async throws -> CompanyInvitation? {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_company_invitations WHERE token_hash = \(bind: tokenHash)").first().map(Self.invitation)
        }
    }

    public func accept(_ invitation: CompanyInvitation, member: CompanyMember) async throws -> Bool {
        try await store.transaction { database in
            guard try await database.raw("""
                UPDATE skill_company_invitations SET accepted_at = \(bind: Milliseconds.from(member.addedAt))
                WHERE id = \(bind: invitation.id) AND accepted_at IS NULL RETURNING id
                """).first() != nil else { return false }
            try await Self.insert(member, on: database)
            return true
        }
    }

    private static func insert(_ member: CompanyMember, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO skill_company_members (company_id, user_id, name, email, role, added_at)
            VALUES (\(bind: member.companyID), \(bind: member.userID), \(bind: member.name), \(bind: member.email), \(bind: member.role.rawValue),
                    \(bind: Milliseconds.from(member.addedAt)))
            ON CONFLICT (company_id, user_id) DO UPDATE SET role = excluded.role
            """).run()
    }

    private static func company(_ row: any SQLRow) throws -> Company {
        Company(id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
                website: try row.decode(column: "website", as: String?.self), about: try row.decode(column: "about", as: String?.self),
                location: try row.decode(column: "location", as: String?.self),
                createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
                updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self)))
    }

    private static func member(_ row: any SQLRow) throws -> CompanyMember {
        CompanyMember(companyID: try row.decode(column: "company_id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
                      name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
                      role: CompanyRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .recruiter,
                      addedAt: Milliseconds.date(try row.decode(column: "added_at", as: Int64.self)))
    }

    private static func invitation(_ row: any SQLRow) throws -> CompanyInvitation {
        CompanyInvitation(id: try row.decode(column: "id", as: String.self), companyID: try row.decode(column: "company_id", as: String.self),
                          email: try row.decode(column: "email", as: String.self),
                          role: CompanyRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .recruiter,
                          invitedBy: try row.decode(column: "invited_by", as: String.self),
                          createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
                          expiresAt: Milliseconds.date(try row.decode(column: "expires_at", as: Int64.self)),
                          acceptedAt: try row.decode(column: "accepted_at", as: Int64?.self).map(Milliseconds.date))
    }
}

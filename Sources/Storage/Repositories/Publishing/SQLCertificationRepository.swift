import Foundation
import Publishing
import SQLKit

/// Certifications over SQLKit; skills are one JSON array.
public struct SQLCertificationRepository: CertificationRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ certification: Certification) async throws {
        let skills = try StoredJSON.encode(certification.skills)
        try await store.write { database in
            try await database.raw("""
                INSERT INTO certifications (id, owner_id, name, issuer, issued_on, expires_on, credential_id, credential_url, skills, verification,
                                            verification_detail, verified_at, reminded_for, created_at, updated_at)
                VALUES (\(bind: certification.id), \(bind: certification.ownerID), \(bind: certification.name), \(bind: certification.issuer),
                        \(bind: certification.issuedOn), \(bind: certification.expiresOn), \(bind: certification.credentialID),
                        \(bind: certification.credentialURL), \(bind: skills), \(bind: certification.verification.rawValue),
                        \(bind: certification.verificationDetail), \(bind: certification.verifiedAt.map(Milliseconds.from)),
                        \(bind: certification.remindedFor), \(bind: Milliseconds.from(certification.createdAt)),
                        \(bind: Milliseconds.from(certification.updatedAt)))
                """).run()
        }
    }

    public func certification(id: String, owner: String) async throws -> Certification? {
        try await store.read { database in
            try await database.raw("SELECT * FROM certifications WHERE id = \(bind: id) AND owner_id = \(bind: owner)").first().map(Self.certification)
        }
    }

    public func certification(id: String) async throws -> Certification? {
        try await store.read { database in
            try await database.raw("SELECT * FROM certifications WHERE id = \(bind: id)").first().map(Self.certification)
        }
    }

    public func certifications(owner: String) async throws -> [Certification] {
        try await store.read { database in
            try await database.raw("SELECT * FROM certifications WHERE owner_id = \(bind: owner) ORDER BY created_at DESC, id").all().map(Self.certification)
        }
    }

    public func update(_ certification: Certification) async throws -> Bool {
        let skills = try StoredJSON.encode(certification.skills)
        return try await store.write { database in
            try await database.raw("""
                UPDATE certifications SET name = \(bind: certification.name), issuer = \(bind: certification.issuer),
                    issued_on = \(bind: certification.issuedOn), expires_on = \(bind: certification.expiresOn),
                    credential_id = \(bind: certification.credentialID), credential_url = \(bind: certification.credentialURL), skills = \(bind: skills),
                    verification = \(bind: certification.verification.rawValue), verification_detail = \(bind: certification.verificationDetail),
                    verified_at = \(bind: certification.verifiedAt.map(Milliseconds.from)), reminded_for = \(bind: certification.remindedFor),
                    updated_at = \(bind: Milliseconds.from(certification.updatedAt))
                WHERE id = \(bind: certification.id) AND owner_id = \(bind: certification.ownerID) RETURNING id
                """).first() != nil
        }
    }

    public func delete(id: String, owner: String) async throws -> Bool {
        try await store.write { database in
            try await database.raw("DELETE FROM certifications WHERE id = \(bind: id) AND owner_id = \(bind: owner) RETURNING id").first() != nil
        }
    }

    public func expiring(onOrBefore day: String, limit: Int) async throws -> [Certification] {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM certifications
                WHERE expires_on IS NOT NULL AND expires_on <= \(bind: day) AND (reminded_for IS NULL OR reminded_for <> expires_on)
                ORDER BY expires_on, id LIMIT \(bind: limit)
                """).all().map(Self.certification)
        }
    }

    private static func certification(_ row: any SQLRow) throws -> Certification {
        Certification(
            id: try row.decode(column: "id", as: String.self), ownerID: try row.decode(column: "owner_id", as: String.self),
            name: try row.decode(column: "name", as: String.self), issuer: try row.decode(column: "issuer", as: String.self),
            issuedOn: try row.decode(column: "issued_on", as: String?.self), expiresOn: try row.decode(column: "expires_on", as: String?.self),
            credentialID: try row.decode(column: "credential_id", as: String?.self),
            credentialURL: try row.decode(column: "credential_url", as: String?.self),
            skills: try StoredJSON.decode([String].self, try row.decode(column: "skills", as: String.self)),
            verification: CertificationVerification(rawValue: try row.decode(column: "verification", as: String.self)) ?? .unverified,
            verificationDetail: try row.decode(column: "verification_detail", as: String?.self),
            verifiedAt: try row.decode(column: "verified_at", as: Int64?.self).map(Milliseconds.date),
            remindedFor: try row.decode(column: "reminded_for", as: String?.self),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}

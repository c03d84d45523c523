import Foundation

/// A credential a person earned, which they may announce and be reminded of before it lapses.
public struct Certification: Sendable, Equatable {
    public var id: String
    public var ownerID: String
    public var name: String
    public var issuer: String
    /// Calendar dates, `YYYY-MM-DD`.
    public var issuedOn: String?
    public var expiresOn: String?
    public var credentialID: String?
    public var credentialURL: String?
    /// The skills it proves, as the person named them.
    public var skills: [String]
    public var verification: CertificationVerification
    public var verificationDetail: String?
    public var verifiedAt: Date?
    /// The expiry date a reminder was last sent for, so it is sent once per date.
    public var remindedFor: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, ownerID: String, name: String, issuer: String, issuedOn: String?, expiresOn: String?, credentialID: String?,
                credentialURL: String?, skills: [String], verification: CertificationVerification = .unverified, verificationDetail: String? = nil,
                verifiedAt: Date? = nil, remindedFor: String? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.name = name
        self.issuer = issuer
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.credentialID = credentialID
        self.credentialURL = credentialURL
        self.skills = skills
        self.verification = verification
        self.verificationDetail = verificationDetail
        self.verifiedAt = verifiedAt
        self.remindedFor = remindedFor
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public enum CertificationVerification: String, Sendable, Codable, CaseIterable {
    /// Not checked (no credential URL, or not yet).
    case unverified
    /// Being checked.
    case pending
    /// The issuer's public page names the credential.
    case verified
    /// The page could not be read, or does not name the credential.
    case failed
}

public protocol CertificationRepository: Sendable {
    func insert(_ certification: Certification) async throws
    func certification(id: String, owner: String) async throws -> Certification?
    func certification(id: String) async throws -> Certification?
    func certifications(owner: String) async throws -> [Certification]
    func update(_ certification: Certification) async throws -> Bool
    func delete(id: String, owner: String) async throws -> Bool
    /// Certifications expiring on or before `day` (YYYY-MM-DD) not yet reminded for that expiry.
    func expiring(onOrBefore day: String, limit: Int) async throws -> [Certification]
}

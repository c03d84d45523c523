import Domain
import Foundation

/// What a person sends to add or change a certification.
public struct CertificationDraft: Sendable, Equatable {
    public var name: String
    public var issuer: String
    public var issuedOn: String?
    public var expiresOn: String?
    public var credentialID: String?
    public var credentialURL: String?
    public var skills: [String]

    public init(name: String, issuer: String, issuedOn: String? = nil, expiresOn: String? = nil, credentialID: String? = nil,
                credentialURL: String? = nil, skills: [String] = []) {
        self.name = name
        self.issuer = issuer
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.credentialID = credentialID
        self.credentialURL = credentialURL
        self.skills = skills
    }

    func problems() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 200 { errors.append(FieldError(field: "name", message: "must be 1 to 200 characters")) }
        if issuer.trimmingCharacters(in: .whitespaces).isEmpty || issuer.count > 200 {
            errors.append(FieldError(field: "issuer", message: "must be 1 to 200 characters"))
        }
        for (field, value) in [("issued_on", issuedOn), ("expires_on", expiresOn)] {
            if let value, UTCDay.date(value) == nil { errors.append(FieldError(field: field, message: "must be a date such as 2026-03-31")) }
        }
        if let issued = issuedOn.flatMap(UTCDay.date), let expires = expiresOn.flatMap(UTCDay.date), expires < issued {
            errors.append(FieldError(field: "expires_on", message: "must not be before issued_on"))
        }
        if let url = credentialURL, URL(string: url).map({ ["http", "https"].contains($0.scheme ?? "") && $0.host != nil }) != true {
            errors.append(FieldError(field: "credential_url", message: "must be an http or https URL"))
        }
        if let id = credentialID, id.count > 200 { errors.append(FieldError(field: "credential_id", message: "must be at most 200 characters")) }
        if skills.count > 30 { errors.append(FieldError(field: "skills", message: "must list at most 30 skills")) }
        for (index, skill) in skills.enumerated() where skill.trimmingCharacters(in: .whitespaces).isEmpty || skill.count > 100 {
            errors.append(FieldError(field: "skills[\(index)]", message: "must be 1 to 100 characters"))
        }
        return errors
    }
}

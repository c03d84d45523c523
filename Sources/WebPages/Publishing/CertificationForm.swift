import Domain
import Foundation
import Publishing

/// The certification form as typed, so a mistake answers with everything kept.
struct CertificationForm {
    var name = ""
    var issuer = ""
    var issuedOn = ""
    var expiresOn = ""
    var credentialID = ""
    var credentialURL = ""
    /// Comma-separated, as the person writes them.
    var skills = ""
    var errors = FormErrors()

    init() {}

    init(_ certification: Certification) {
        name = certification.name
        issuer = certification.issuer
        issuedOn = certification.issuedOn ?? ""
        expiresOn = certification.expiresOn ?? ""
        credentialID = certification.credentialID ?? ""
        credentialURL = certification.credentialURL ?? ""
        skills = certification.skills.joined(separator: ", ")
    }

    static func read(_ form: FormBody) -> CertificationForm {
        var state = CertificationForm()
        state.name = form["name"] ?? ""
        state.issuer = form["issuer"] ?? ""
        state.issuedOn = form["issued_on"] ?? ""
        state.expiresOn = form["expires_on"] ?? ""
        state.credentialID = form["credential_id"] ?? ""
        state.credentialURL = form["credential_url"] ?? ""
        state.skills = form["skills"] ?? ""
        return state
    }

    var draft: CertificationDraft {
        CertificationDraft(name: name.trimmingCharacters(in: .whitespacesAndNewlines), issuer: issuer.trimmingCharacters(in: .whitespacesAndNewlines),
                           issuedOn: PublishText.nonEmpty(issuedOn), expiresOn: PublishText.nonEmpty(expiresOn),
                           credentialID: PublishText.nonEmpty(credentialID), credentialURL: PublishText.nonEmpty(credentialURL),
                           skills: skills.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    static let labels = ["name": "Name", "issuer": "Issuer", "issued_on": "Issued on", "expires_on": "Expires on", "credential_id": "Credential id",
                         "credential_url": "Credential URL", "skills": "Skills"]

    var model: [String: Any] {
        [
            "name": name, "issuer": issuer, "issuedOn": issuedOn, "expiresOn": expiresOn, "credentialID": credentialID,
            "credentialURL": credentialURL, "skills": skills,
            "nameError": errors.text("name"), "issuerError": errors.text("issuer"), "issuedOnError": errors.text("issued_on"),
            "expiresOnError": errors.text("expires_on"), "credentialIDError": errors.text("credential_id"),
            "credentialURLError": errors.text("credential_url"), "skillsError": errors.text("skills"),
            "formErrors": errors.list(labels: Self.labels), "hasFormErrors": !errors.isEmpty,
        ]
    }
}

/// How a certification's state reads: its verification and how near its expiry is.
enum CertificationText {
    static func verification(_ certification: Certification) -> String {
        switch certification.verification {
        case .unverified: certification.credentialURL == nil ? "not verified: add the credential's URL to have it checked" : "not verified"
        case .pending: "being checked on the issuer's page"
        case .verified: "verified"
        case .failed: "could not be verified"
        }
    }

    /// "expired", "expires soon" (within 30 days) or nothing, against today's date in UTC.
    static func expiry(_ certification: Certification, now: Date) -> String {
        guard let expires = certification.expiresOn else { return "" }
        let today = PostingText.isoDate(now)
        if expires < today { return "expired" }
        return expires <= PostingText.isoDate(now.addingTimeInterval(30 * 86_400)) ? "expires soon" : ""
    }

    static func row(_ certification: Certification, now: Date) -> [String: Any] {
        [
            "id": certification.id, "url": "/certifications/\(certification.id)", "name": certification.name, "issuer": certification.issuer,
            "issuedOn": certification.issuedOn ?? "—", "expiresOn": certification.expiresOn ?? "does not expire",
            "expiry": expiry(certification, now: now), "verification": verification(certification),
            "isVerified": certification.verification == .verified, "isFailed": certification.verification == .failed,
        ]
    }
}

import Domain
import Foundation
import Platform

/// Certifications: kept, verified against the issuer's public page, announced, and reminded of.
public struct CertificationService: Sendable {
    public static let verifyTaskName = "verify_certification"
    public static let reminderTaskName = "remind_certification_expiry"

    let certifications: any CertificationRepository
    let queue: any TaskQueue
    let fetcher: any HTTPFetcher
    let clock: any WallClock

    public init(certifications: any CertificationRepository, queue: any TaskQueue, fetcher: any HTTPFetcher, clock: any WallClock) {
        self.certifications = certifications
        self.queue = queue
        self.fetcher = fetcher
        self.clock = clock
    }

    public func create(_ draft: CertificationDraft, owner: Actor) async throws -> Certification {
        let problems = draft.problems()
        guard problems.isEmpty else { throw DomainError.invalid("the certification cannot be saved as given", fieldErrors: problems) }
        let now = clock.now()
        var certification = Certification(id: UUID().uuidString.lowercased(), ownerID: owner.userID, name: draft.name, issuer: draft.issuer,
                                          issuedOn: draft.issuedOn, expiresOn: draft.expiresOn, credentialID: draft.credentialID,
                                          credentialURL: draft.credentialURL, skills: draft.skills, createdAt: now, updatedAt: now)
        if certification.credentialURL != nil { certification.verification = .pending }
        try await certifications.insert(certification)
        try await requestVerification(certification)
        return certification
    }

    public func certification(id: String, owner: Actor) async throws -> Certification {
        guard let certification = try await certifications.certification(id: id, owner: owner.userID) else {
            throw DomainError.notFound("no such certification")
        }
        return certification
    }

    public func certifications(owner: Actor) async throws -> [Certification] {
        try await certifications.certifications(owner: owner.userID)
    }

    public func update(id: String, _ draft: CertificationDraft, owner: Actor) async throws -> Certification {
        var certification = try await certification(id: id, owner: owner)
        let problems = draft.problems()
        guard problems.isEmpty else { throw DomainError.invalid("the certification cannot be saved as given", fieldErrors: problems) }
        let evidenceChanged = draft.credentialURL != certification.credentialURL || draft.credentialID != certification.credentialID
            || draft.name != certification.name
        certification.name = draft.name
        certification.issuer = draft.issuer
        certification.issuedOn = draft.issuedOn
        certification.expiresOn = draft.expiresOn
        certification.credentialID = draft.credentialID
        certification.credentialURL = draft.credentialURL
        certification.skills = draft.skills
        certification.updatedAt = clock.now()
        if evidenceChanged {
            certification.verification = certification.credentialURL == nil ? .unverified : .pending
            certification.verificationDetail = nil
            certification.verifiedAt = nil
        }
        guard try await certifications.update(certification) else { throw DomainError.notFound("no such certification") }
        if evidenceChanged { try await requestVerification(certification) }
        return certification
    }

    public func delete(id: String, owner: Actor) async throws {
        guard try await certifications.delete(id: id, owner: owner.userID) else { throw DomainError.notFound("no such certification") }
    }

    /// The announcement to edit and schedule.
    public func announcement(id: String, owner: Actor) async throws -> MessageContent {
        CertificationAnnouncement.draft(for: try await certification(id: id, owner: owner))
    }

    private func requestVerification(_ certification: Certification) async throws {
        guard certification.credentialURL != nil else { return }
        _ = try await queue.enqueue(NewTask(name: Self.verifyTaskName, payload: Data(#"{"id":"\#(certification.id)"}"#.utf8),
                                            idempotencyKey: "verify-certification:\(certification.id):\(Int(certification.updatedAt.timeIntervalSince1970))"))
    }

    /// Fetches the credential's public page: verified when it names the credential id (or, without one,
    /// the certification's name). Pages that cannot be read fail the check with the reason.
    public func verify(id: String) async throws {
        guard var certification = try await certifications.certification(id: id), let link = certification.credentialURL,
              let url = URL(string: link) else { return }
        do {
            let response = try await fetcher.get(url, timeout: .seconds(15))
            let page = String(decoding: response.body.prefix(2_000_000), as: UTF8.self).lowercased()
            let needle = (certification.credentialID ?? certification.name).lowercased()
            if !response.isSuccess {
                certification.verification = .failed
                certification.verificationDetail = "the issuer's page answered \(response.status)"
            } else if page.contains(needle) {
                certification.verification = .verified
                certification.verificationDetail = "the issuer's page names \(certification.credentialID ?? certification.name)"
                certification.verifiedAt = clock.now()
            } else {
                certification.verification = .failed
                certification.verificationDetail = "the issuer's page does not name \(certification.credentialID ?? certification.name)"
            }
        } catch {
            certification.verification = .failed
            certification.verificationDetail = "the issuer's page could not be read: \(error)"
        }
        _ = try await certifications.update(certification)
    }

    /// Certifications lapsing within `days`, each once per expiry date: `remind` is called for each and the
    /// reminder is recorded after it returns.
    public func remindExpiring(within days: Int, remind: (Certification) async throws -> Void) async throws -> Int {
        let horizon = UTCDay.string(clock.now().addingTimeInterval(Double(days) * 86_400))
        var count = 0
        for var certification in try await certifications.expiring(onOrBefore: horizon, limit: 500) {
            try await remind(certification)
            certification.remindedFor = certification.expiresOn
            _ = try await certifications.update(certification)
            count += 1
        }
        return count
    }
}

import Accounts
import CareerAgent
import Domain
import Foundation
import Platform
import SkillsGraph
import Storage

/// The skills graph's view of accounts: people by id, candidates as matching reads them, a
/// candidate's profile once they accept contact, and mail to users and invitees through the queue.
struct SkillsGraphPeople: PersonDirectory, CandidateDirectory, CandidateProfiles, NotificationMailer, InvitationMailer {
    let users: SQLUserRepository
    let matches: JobMatchService
    let verified: VerifiedSkillDirectory
    let queue: MailQueue
    let from: MailAddress
    let publicURL: String

    func person(userID: String) async throws -> Person? {
        guard let user = try await users.user(id: userID), !user.isDisabled else { return nil }
        return Person(userID: user.id, name: user.name, email: user.email)
    }

    /// Every active candidate account that states or has proven at least one skill.
    func candidates() async throws -> [Candidate] {
        var found: [Candidate] = []
        var after: String?
        while true {
            let page = try await users.users(after: after, limit: 500)
            for user in page where !user.isDisabled && user.groups.contains(.candidate) {
                if let candidate = try await candidate(user) { found.append(candidate) }
            }
            guard page.count == 500, let last = page.last else { break }
            after = last.email
        }
        return found
    }

    func candidate(userID: String) async throws -> Candidate? {
        guard let user = try await users.user(id: userID), !user.isDisabled, user.groups.contains(.candidate) else { return nil }
        return try await candidate(user)
    }

    private func candidate(_ user: User) async throws -> Candidate? {
        let profile = try await matches.profile(actor: user.actor)
        guard !profile.skills.isEmpty else { return nil }
        return Candidate(userID: user.id, profile: profile, verifiedLevels: try await verified.levels(userID: user.id))
    }

    func profile(userID: String) async throws -> CandidateProfile? {
        guard let user = try await users.user(id: userID), !user.isDisabled else { return nil }
        let profile = try await users.profile(userID: userID)
        return CandidateProfile(userID: user.id, name: user.name, email: user.email, headline: profile.headline, location: profile.location)
    }

    func mail(userID: String, subject: String, text: String, idempotencyKey: String) async throws {
        guard let user = try await users.user(id: userID), !user.isDisabled else { return }
        let greeting = "Hello\(user.name.isEmpty ? "" : " \(user.name)"),\n\n"
        let message = MailMessage(from: from, to: [MailAddress(user.email, name: user.name.isEmpty ? nil : user.name)], subject: subject,
                                  text: greeting + text)
        _ = try await queue.send(message, idempotencyKey: idempotencyKey)
    }

    func invite(email: String, companyName: String, role: CompanyRole, token: String, invitationID: String) async throws {
        let text = """
            Hello,

            You are invited to join \(companyName) on Wayfinder as \(role == .owner ? "an owner" : "a recruiter").
            Sign in (or create an account) with this address, then open:

            \(publicURL)/invitations/\(token)

            The invitation expires in 14 days. If you did not expect it, ignore this mail.
            """
        let message = MailMessage(from: from, to: [MailAddress(email, name: nil)], subject: "Join \(companyName) on Wayfinder", text: text)
        _ = try await queue.send(message, idempotencyKey: "company-invitation:\(invitationID)")
    }
}

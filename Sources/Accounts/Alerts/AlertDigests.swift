import Domain
import Foundation
import JobPostings

/// The words of an alert digest, and the signed link that turns a search's alerts off without signing in.
public struct AlertDigests: Sendable {
    public static let unsubscribeLifetime: TimeInterval = 365 * 86_400
    let publicURL: String
    let signer: TokenSigner

    public init(publicURL: String, signer: TokenSigner) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.signer = signer
    }

    struct Section: Sendable {
        var search: SavedSearch
        var postings: [JobPosting]
        var total: Int
    }

    func digest(to user: User, frequency: AlertFrequency, sections: [Section]) async throws -> AccountMail {
        let count = sections.reduce(0) { $0 + $1.total }
        var text = "Hello \(user.name),\n\n"
        text += count == 1 ? "One new job matches your saved searches.\n" : "\(count) new jobs match your saved searches.\n"
        var unsubscribeLinks: [String] = []
        for section in sections {
            let unsubscribe = try await unsubscribeLink(for: section.search)
            unsubscribeLinks.append(unsubscribe)
            text += "\n\(section.search.name) (\(section.total) new)\n"
            text += String(repeating: "-", count: min(60, section.search.name.count + 12)) + "\n"
            for posting in section.postings {
                text += "\n\(posting.title) at \(posting.company)"
                if !posting.location.isEmpty { text += ", \(posting.location)" }
                text += "\n\(link(to: posting))\n"
            }
            if section.total > section.postings.count {
                text += "\n…and \(section.total - section.postings.count) more: \(publicURL)/api/v1/jobs?\(section.search.query)\n"
            }
            text += "\nStop alerts for \"\(section.search.name)\": \(unsubscribe)\n"
        }
        text += "\nYou receive this \(frequency.rawValue) digest because alerts are on for these saved searches.\n"
        let subject = count == 1 ? "1 new job for your saved searches" : "\(count) new jobs for your saved searches"
        var headers: [String: String] = [:]
        if sections.count == 1, let only = unsubscribeLinks.first {
            headers["List-Unsubscribe"] = "<\(only)>"
        }
        return AccountMail(to: user.email, toName: user.name, subject: subject, text: text, headers: headers)
    }

    func link(to posting: JobPosting) -> String {
        let escaped = posting.jobID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "#"])) ?? posting.jobID
        return "\(publicURL)/api/v1/jobs/\(escaped)"
    }

    func unsubscribeLink(for search: SavedSearch) async throws -> String {
        let token = try await signer.sign(.unsubscribe, subject: search.id, lifetime: Self.unsubscribeLifetime)
        return "\(publicURL)/api/v1/searches/unsubscribe?token=\(token)"
    }
}

/// Turns a search's alerts off from the signed link in a digest, without signing in.
public struct AlertUnsubscribe: Sendable {
    let signer: TokenSigner
    let searches: any SavedSearchRepository

    public init(signer: TokenSigner, searches: any SavedSearchRepository) {
        self.signer = signer
        self.searches = searches
    }

    public func unsubscribe(token: String) async throws {
        let claims: TokenClaims
        do {
            claims = try await signer.verify(token, use: .unsubscribe)
        } catch {
            throw DomainError.badRequest("The unsubscribe link is not valid.", fieldErrors: [FieldError(field: "token", message: "is not a valid unsubscribe token")])
        }
        guard try await searches.disableAlert(id: claims.sub.value) else {
            throw DomainError.notFound("The saved search no longer exists.")
        }
    }
}

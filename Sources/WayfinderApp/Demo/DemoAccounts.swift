import Accounts
import Domain
import Foundation

/// The demo's people: an administrator, a job seeker with a profile and saved searches, and an employer.
/// Their passwords are published in README.md; they exist only in a database the demo filled.
struct DemoAccounts {
    let services: AppServices

    struct Person {
        var email: String
        var password: String
        var name: String
        var groups: Set<UserGroup>
    }

    static let admin = Person(email: "admin@wayfinder.demo", password: "Demo-Admin-2026!", name: "Ada Admin", groups: [.admin])
    static let candidate = Person(email: "jordan@wayfinder.demo", password: "Demo-Seeker-2026!", name: "Jordan Rivera", groups: [.candidate])
    static let employer = Person(email: "hiring@wayfinder.demo", password: "Demo-Hiring-2026!", name: "Harper Lane", groups: [.employer])

    func seed() async throws {
        let administration = services.accounts.administration
        for person in [Self.admin, Self.candidate, Self.employer] {
            _ = try await administration.provision(email: person.email, password: person.password, name: person.name, groups: person.groups)
        }
        guard case .tokens(let pair) = try await services.accounts.api.identity.signIn(
            email: Self.candidate.email, password: Self.candidate.password, address: nil
        ) else { return }
        let jordan = try await services.accounts.api.identity.authenticate(bearer: pair.accessToken).actor
        _ = try await services.accounts.api.profiles.update(actor: jordan, change: try ProfileChange.parse([
            "headline": .string("Backend engineer moving into data platforms"), "location": .string("Berlin, Germany"),
            "remote_preference": .string("hybrid"), "desired_salary": .number(85_000), "salary_currency": .string("EUR"),
            "skills": .array(["Swift", "PostgreSQL", "Python", "Kafka"].map(JSONValue.string)), "career_stage": .string("mid"),
        ], replacing: false))
        let searches = services.accounts.api.searches
        for (name, query, frequency) in [("Remote Swift", "q=swift&remote=true", "instant"), ("Data in Berlin", "q=data&location=Berlin", "daily")] {
            _ = try await searches.create(actor: jordan, input: .init(name: name, query: query, alertEnabled: true, alertFrequency: frequency))
        }
        // A primary resume, read the same way an upload is, so analysis and match have something to show.
        if let url = Bundle.module.url(forResource: "demo-resume", withExtension: "md", subdirectory: "Resources"),
           let data = try? Data(contentsOf: url) {
            _ = try await services.careerAgent.resumes.upload(actor: jordan, fileName: "jordan-rivera.md", contentType: "text/markdown", data: data)
        }
        _ = try await services.careerAgent.roadmaps.create(actor: jordan, targetRole: "Data Engineer", currentRole: "Backend Engineer")
        try await DemoInbox(services: services).seed(for: jordan, now: Date())
        try await DemoAccess(services: services).seed()
        try await DemoPublishing(services: services).seed(for: jordan, now: Date())
        guard case .tokens(let harperTokens) = try await services.accounts.api.identity.signIn(
            email: Self.employer.email, password: Self.employer.password, address: nil
        ) else { return }
        let harper = try await services.accounts.api.identity.authenticate(bearer: harperTokens.accessToken).actor
        try await DemoSkillsGraph(services: services).seed(jordan: jordan, employer: harper)
        try await services.accounts.api.identity.signOut(sessionID: nil, refreshToken: harperTokens.refreshToken)
        try await services.accounts.api.identity.signOut(sessionID: nil, refreshToken: pair.refreshToken)
        services.logger.info("added demo accounts", metadata: [
            "admin": "\(Self.admin.email)", "job_seeker": "\(Self.candidate.email)", "employer": "\(Self.employer.email)",
            "reviewer": "\(DemoSkillsGraph.reviewer.email)",
        ])
    }
}

import Accounts
import Domain
import Foundation
import SkillsGraph

/// The demo's skills graph: the starter bank; Harper's company with a published job that asks for
/// skills; Jordan with a verified Python level and a Kafka assessment waiting in Riley's review
/// queue; a few more seekers; matching run once; a contact request for Jordan to answer; and a
/// leaderboard Jordan opted into.
struct DemoSkillsGraph {
    let services: AppServices

    static let reviewer = DemoAccounts.Person(email: "riley@wayfinder.demo", password: "Demo-Review-2026!", name: "Riley Okafor", groups: [.reviewer])
    static let seekers: [(email: String, name: String, headline: String, location: String, skills: [String])] = [
        ("sam@wayfinder.demo", "Sam Ito", "Platform engineer", "Munich, Germany", ["Swift", "Kubernetes", "PostgreSQL"]),
        ("noor@wayfinder.demo", "Noor Haddad", "Data engineer", "Berlin, Germany", ["Python", "Kafka", "SQL", "PostgreSQL"]),
        ("lee@wayfinder.demo", "Lee Park", "iOS developer", "Hamburg, Germany", ["Swift", "Git"]),
    ]

    func seed(jordan: Actor, employer: Actor) async throws {
        let api = services.skillsGraph.api
        _ = try await services.skillsGraph.importStarterBankIfEmpty()
        let administration = services.accounts.administration
        _ = try await administration.provision(email: Self.reviewer.email, password: Self.reviewer.password, name: Self.reviewer.name,
                                               groups: Self.reviewer.groups)
        for seeker in Self.seekers {
            let (user, _) = try await administration.provision(email: seeker.email, password: "Demo-Seeker-2026!", name: seeker.name, groups: [.candidate])
            _ = try await services.accounts.api.profiles.update(actor: user.actor, change: try ProfileChange.parse([
                "headline": .string(seeker.headline), "location": .string(seeker.location),
                "skills": .array(seeker.skills.map(JSONValue.string)),
            ], replacing: false))
        }

        let company = try await api.companies.create(actor: employer, draft: CompanyDraft(
            name: "Northwind Data", website: .some("https://northwind.example"), about: .some("Payments data for European merchants."),
            location: .some("Berlin, Germany")))
        let job = try await api.jobs.create(actor: employer, companyID: company.id, draft: EmployerJobDraft(fields: [
            "title": .string("Senior Backend Engineer (Swift)"),
            "description": .string("Build the payment APIs our merchants rely on: Swift on the server, PostgreSQL, and Kafka for events. "
                                   + "You will own services end to end, from design to on-call."),
            "location": .string("Berlin, Germany"), "remote": .bool(true), "employment_type": .string("full_time"),
            "min_salary": .number(80_000), "max_salary": .number(100_000), "currency": .string("EUR"),
            "skills": .array([
                .object(["skill_id": .string("swift"), "required": .bool(true), "minimum_level": .number(2)]),
                .object(["skill_id": .string("postgresql"), "required": .bool(true)]),
                .object(["skill_id": .string("kafka"), "required": .bool(false)]),
            ]),
        ]))
        _ = try await api.jobs.publish(actor: employer, jobID: job.id)
        _ = try await api.jobs.create(actor: employer, companyID: company.id, draft: EmployerJobDraft(fields: [
            "title": .string("Data Engineer"), "description": .string("Pipelines in Python and SQL on Kafka streams. Terraform is a plus."),
            "location": .string("Berlin, Germany"),
        ]))

        // Jordan: Python verified with every answer right; Kafka with one open answer the rubric cannot settle.
        try await take("python", actor: jordan) { question in Self.rightAnswer(question) }
        try await take("kafka", actor: jordan) { question in
            question.kind == .openAnswer
                ? .string(String(repeating: "I would look at how the system behaves and talk to the team about what they see over time. ", count: 3))
                : Self.rightAnswer(question)
        }
        _ = try await api.leaderboards.save(actor: jordan, optedIn: true, displayName: "jordan-r")

        _ = try await api.matching.run()
        let candidates = try await api.pipeline.candidates(actor: employer, jobID: job.id).candidates
        if let jordanHandle = candidates.first(where: { $0.handle == StoredMatch.handle(userID: jordan.userID, jobID: job.id) })?.handle {
            _ = try await api.pipeline.requestContact(actor: employer, jobID: job.id, handle: jordanHandle,
                                                      message: "Your verified Python and your Kafka experience stood out. Could we talk this week?")
        }
    }

    /// Starts, answers and finishes one assessment as the candidate would.
    private func take(_ skillID: String, actor: Actor, answer: (AssessmentQuestion) -> JSONValue) async throws {
        let interviews = services.skillsGraph.api.interviews
        let (session, _) = try await interviews.start(actor: actor, skillID: skillID)
        let state = try await interviews.session(actor: actor, id: session.id)
        for question in state.questions {
            _ = try await interviews.answer(actor: actor, sessionID: session.id, questionID: question.id, answer: answer(question))
        }
        _ = try await interviews.finish(actor: actor, sessionID: session.id)
    }

    /// The key's answer (the demo plays a candidate who knows it), or the sample answer for open questions.
    static func rightAnswer(_ question: AssessmentQuestion) -> JSONValue {
        switch question.kind {
        case .multipleChoice: .number(Double(question.correct.first ?? 0))
        case .multipleAnswer: .array(question.correct.map { .number(Double($0)) })
        case .shortAnswer, .codeOutput: .string(question.accepted.first ?? "")
        case .openAnswer: .string(question.sampleAnswer ?? question.rubric.flatMap(\.cues).joined(separator: ", "))
        }
    }
}

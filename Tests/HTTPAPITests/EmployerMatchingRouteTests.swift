import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WayfinderApp

@Suite("Employers, matching and contact over HTTP")
struct EmployerMatchingRouteTests {
    static var jobBody: [String: Any] { [
        "title": "Backend Engineer", "description": "Build our payment APIs in Swift and PostgreSQL. Kafka is a plus.",
        "location": "Berlin, Germany", "remote": true, "employment_type": "full_time", "min_salary": 70_000, "max_salary": 90_000, "currency": "EUR",
    ] }

    /// An employer with a company and a published job; answers the token, the company id and the job id.
    static func publishedJob(_ services: AppServices, _ client: any TestClientProtocol, email: String, company: String)
        async throws -> (token: String, companyID: String, jobID: String) {
        let token = try await TestApp.signedInUser(services, email: email, name: "Hiring \(company)", groups: [.employer])
        let created = try await client.send(.post, "/api/v1/companies", json: ["name": company, "website": "https://\(company.lowercased()).example"], token: token)
        #expect(created.status == .created, "\(String(buffer: created.body))")
        let companyID = try #require(created.json["id"] as? String)
        var body = jobBody
        body["company_id"] = companyID
        body["skills"] = [["skill_id": "swift", "required": true, "minimum_level": 2], ["skill_id": "postgresql", "required": true],
                          ["skill_id": "kafka", "required": false]]
        let draft = try await client.send(.post, "/api/v1/jobs", json: body, token: token)
        #expect(draft.status == .created, "\(String(buffer: draft.body))")
        #expect(draft.json["status"] as? String == "draft")
        let jobID = try #require(draft.json["id"] as? String)
        let published = try await client.send(.post, "/api/v1/jobs/\(escaped(jobID))/publish", token: token)
        #expect(published.json["status"] as? String == "published", "\(String(buffer: published.body))")
        return (token, companyID, jobID)
    }

    static func escaped(_ id: String) -> String { id.replacingOccurrences(of: "#", with: "%23") }

    @Test("a published company job is a posting like any other, with the employer's skills, and closing takes it out of search")
    func publishedJobsAreSearchable() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (token, companyID, jobID) = try await Self.publishedJob(services, client, email: "hiring@a.example", company: "Alpha")
            let search = try await client.send(.get, "/api/v1/jobs?q=payment&skill=Swift")
            #expect(((search.json["jobs"] as? [[String: Any]]) ?? []).contains { $0["job_id"] as? String == jobID }, "\(String(buffer: search.body))")
            let detail = try await client.send(.get, "/api/v1/jobs/\(Self.escaped(jobID))")
            #expect(detail.json["company"] as? String == "Alpha")
            let events = try await services.backgroundWork.outbox.recent(limit: 20)
            #expect(events.contains { $0.event.topic == "job.posted" && String(decoding: $0.event.payload, as: UTF8.self).contains(jobID) })
            let listed = try await client.send(.get, "/api/v1/companies/\(companyID)/jobs", token: token)
            #expect((listed.json["jobs"] as? [[String: Any]])?.first?["status"] as? String == "published")
            #expect(try await client.send(.post, "/api/v1/jobs/\(Self.escaped(jobID))/close", token: token).json["status"] as? String == "closed")
            let after = try await client.send(.get, "/api/v1/jobs?q=payment")
            #expect(!(((after.json["jobs"] as? [[String: Any]]) ?? []).contains { $0["job_id"] as? String == jobID }))
            let bad = try await client.send(.post, "/api/v1/companies/\(companyID)/jobs",
                                             json: ["title": "", "description": "x", "skills": [["skill_id": "klingon"]], "min_salary": -1], token: token)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.problemFields) == ["title", "skills[0].skill_id", "min_salary"])
        }
    }

    @Test("employer B never sees or touches employer A's company, jobs or candidates: every route is 404")
    func employersAreIsolated() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (_, companyID, jobID) = try await Self.publishedJob(services, client, email: "hiring@a.example", company: "Alpha")
            let other = try await TestApp.signedInUser(services, email: "hiring@b.example", name: "Bo", groups: [.employer])
            _ = try await client.send(.post, "/api/v1/companies", json: ["name": "Beta"], token: other)
            let job = Self.escaped(jobID)
            for (method, path, body) in [
                (HTTPRequest.Method.get, "/api/v1/companies/\(companyID)", nil), (.patch, "/api/v1/companies/\(companyID)", ["name": "Mine"]),
                (.get, "/api/v1/companies/\(companyID)/members", nil), (.get, "/api/v1/companies/\(companyID)/jobs", nil),
                (.post, "/api/v1/companies/\(companyID)/jobs", Self.jobBody), (.post, "/api/v1/companies/\(companyID)/invitations", ["email": "x@b.example"]),
                (.get, "/api/v1/employer/jobs/\(job)", nil), (.patch, "/api/v1/jobs/\(job)", ["title": "Taken"]),
                (.post, "/api/v1/jobs/\(job)/publish", nil), (.post, "/api/v1/jobs/\(job)/close", nil),
                (.get, "/api/v1/jobs/\(job)/candidates", nil), (.post, "/api/v1/jobs/\(job)/contact-requests", ["candidate_id": "cand-1"]),
            ] as [(HTTPRequest.Method, String, [String: Any]?)] {
                let response = try await client.send(method, path, json: body, token: other)
                #expect(response.status == .notFound, "\(method) \(path): \(response.status)")
            }
            var draft = Self.jobBody
            draft["company_id"] = companyID
            #expect(try await client.send(.post, "/api/v1/jobs", json: draft, token: other).status == .notFound)
            // A candidate cannot create companies.
            #expect(try await client.send(.post, "/api/v1/companies", json: ["name": "Mine"], token: try #require(TestApp.candidateAccessToken)).status == .forbidden)
        }
    }

    @Test("a matched candidate is anonymous to the employer until they accept contact; then the employer sees their profile")
    func anonymityUntilAccepted() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let admin = try #require(TestApp.adminAccessToken), candidate = try #require(TestApp.candidateAccessToken)
            try await client.patchProfile(["name": "Quinn Marlow", "headline": "Backend engineer at Globex", "location": "Berlin, Germany",
                                           "skills": ["Swift", "PostgreSQL", "Kafka"], "remote_preference": "remote"], token: candidate)
            let (employer, _, jobID) = try await Self.publishedJob(services, client, email: "hiring@a.example", company: "Alpha")
            let run = try await client.send(.post, "/api/v1/matches/run", token: admin)
            #expect(run.status == .ok, "\(String(buffer: run.body))")

            let mine = try await client.send(.get, "/api/v1/matches", token: candidate)
            let match = try #require((mine.json["matches"] as? [[String: Any]])?.first { $0["job_id"] as? String == jobID }, "\(String(buffer: mine.body))")
            #expect((match["score"] as? Int ?? 0) >= 60)
            #expect(((match["match"] as? [String: Any])?["components"] as? [[String: Any]])?.count == 5)

            let listed = try await client.send(.get, "/api/v1/jobs/\(Self.escaped(jobID))/candidates", token: employer)
            #expect(listed.status == .ok)
            let candidates = try #require(listed.json["candidates"] as? [[String: Any]])
            #expect(candidates.count == 1)
            let handle = try #require(candidates.first?["candidate_id"] as? String)
            let me = try await client.send(.get, "/api/v1/users/me", token: candidate)
            let userID = try #require(me.json["id"] as? String)
            let text = String(buffer: listed.body)
            for secret in ["Quinn", "Marlow", "candidate@example.com", userID, "Globex", "Backend engineer at"] {
                #expect(!text.contains(secret), "the employer's view leaks \(secret)")
            }
            #expect(candidates.first?["profile"] is NSNull)

            let asked = try await client.send(.post, "/api/v1/jobs/\(Self.escaped(jobID))/contact-requests",
                                              json: ["candidate_id": handle, "message": "We would love to talk."], token: employer)
            #expect(asked.status == .created, "\(String(buffer: asked.body))")
            #expect(!String(buffer: asked.body).contains(userID))
            let stillHidden = String(buffer: try await client.send(.get, "/api/v1/jobs/\(Self.escaped(jobID))/candidates", token: employer).body)
            #expect(!stillHidden.contains("Quinn") && !stillHidden.contains("candidate@example.com"))

            let requests = try await client.send(.get, "/api/v1/contact-requests", token: candidate)
            let request = try #require((requests.json["contact_requests"] as? [[String: Any]])?.first)
            #expect(request["company"] as? String == "Alpha")
            let requestID = try #require(request["id"] as? String)
            let stranger = try await TestApp.signedInUser(services, email: "stranger@example.com")
            #expect(try await client.send(.post, "/api/v1/contact-requests/\(requestID)/accept", token: stranger).status == .notFound)
            #expect(try await client.send(.post, "/api/v1/contact-requests/\(requestID)/accept", token: candidate).status == .ok)

            let revealed = try await client.send(.get, "/api/v1/jobs/\(Self.escaped(jobID))/candidates", token: employer)
            let profile = try #require((revealed.json["candidates"] as? [[String: Any]])?.first?["profile"] as? [String: Any])
            #expect(profile["name"] as? String == "Quinn Marlow" && profile["email"] as? String == "candidate@example.com")
            let inbox = try await client.send(.get, "/api/v1/notifications", token: employer)
            #expect((inbox.json["notifications"] as? [[String: Any]])?.first?["kind"] as? String == "contact_answer")
            let candidateInbox = try await client.send(.get, "/api/v1/notifications?unread=true", token: candidate)
            #expect(((candidateInbox.json["notifications"] as? [[String: Any]]) ?? []).contains { $0["kind"] as? String == "contact_request" })
            #expect(try await client.send(.post, "/api/v1/notifications/read", json: [:], token: candidate).json["marked"] as? Int ?? 0 >= 1)
            #expect(try await client.send(.get, "/api/v1/notifications?unread=true", token: candidate).json["unread"] as? Int == 0)
        }
    }

    @Test("leaderboards show only opted-in candidates, under the name they chose, ties broken the same way every time")
    func leaderboardsAreOptIn() async throws {
        // Every question may be shown to every taker, so three takers draw from a four-question bank.
        try await TestApp.withServicesAndClient(settings: TestApp.settings { $0.skillsGraph.exposureShare = 1 }) { services, client in
            let admin = try #require(TestApp.adminAccessToken)
            _ = try await client.importBank(SkillsGraphFixtures.smallBank(skill: "python"), token: admin)
            var tokens: [String] = []
            for (index, name) in ["Ada", "Bea", "Cy"].enumerated() {
                let token = try await TestApp.signedInUser(services, email: "taker\(index)@example.com", name: "Real \(name)", groups: [.candidate])
                // Each writes their own open answer: the same text twice would be held for review as copied.
                let (id, _) = try await client.takeAssessment(token: token) { question in
                    question["kind"] as? String == "open_answer" ? "\(SkillsGraphFixtures.rightAnswer(question)) Written by \(name)." : SkillsGraphFixtures.rightAnswer(question)
                }
                _ = try await client.send(.post, "/api/v1/interviews/\(id)/finish", token: token)
                tokens.append(token)
            }
            let refused = try await client.send(.put, "/api/v1/leaderboard-settings", json: ["opted_in": true, "display_name": ""], token: tokens[0])
            #expect(refused.status == .unprocessableContent && refused.problemFields == ["display_name"])
            for (token, name) in [(tokens[0], "ada-codes"), (tokens[2], "cy")] {
                #expect(try await client.send(.put, "/api/v1/leaderboard-settings", json: ["opted_in": true, "display_name": name], token: token).status == .ok)
            }
            let board = try await client.send(.get, "/api/v1/leaderboards/python")
            let entries = try #require(board.json["entries"] as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["display_name"] as? String }) == ["ada-codes", "cy"])
            #expect(entries.map { $0["rank"] as? Int } == [1, 2])
            #expect(!String(buffer: board.body).contains("Real "))
            #expect(try await client.send(.get, "/api/v1/leaderboards/python").body == board.body)
            #expect(try await client.send(.get, "/api/v1/leaderboards/no-such-skill").status == .notFound)
        }
    }
}

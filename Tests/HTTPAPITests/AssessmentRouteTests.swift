import Domain
import Foundation
import HummingbirdTesting
import Testing
import WayfinderApp

@Suite("Skill assessments over HTTP")
struct AssessmentRouteTests {
    @Test("a session is timed by the server: it resumes where it was, and answers after the deadline are refused")
    func timingAndResume() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let admin = try #require(TestApp.adminAccessToken), token = try #require(TestApp.candidateAccessToken)
            #expect(try await client.importBank(SkillsGraphFixtures.bank(), token: admin).status == .ok)
            let started = try await client.send(.post, "/api/v1/interviews", json: ["skill_id": "python"], token: token)
            #expect(started.status == .created)
            let id = try #require(started.json["id"] as? String)
            let questions = try #require(started.json["questions"] as? [[String: Any]])
            #expect(questions.count == 8)
            // The candidate never sees a key, a rubric's cues or a sample answer.
            let body = String(buffer: started.body)
            for secret in ["\"correct\"", "\"accepted\"", "\"cues\"", "sample_answer", "tracemalloc"] { #expect(!body.contains(secret), "\(secret)") }

            let first = try #require(questions.first?["id"] as? String)
            #expect(try await client.send(.put, "/api/v1/interviews/\(id)/answers/\(first)",
                                          json: ["answer": SkillsGraphFixtures.rightAnswer(questions[0])], token: token).status == .ok)
            // A dropped connection: starting again returns the same session, with the saved answer.
            clock.advance(by: 30)
            let resumed = try await client.send(.post, "/api/v1/interviews", json: ["skill_id": "python"], token: token)
            #expect(resumed.status == .ok)
            #expect(resumed.json["id"] as? String == id)
            let again = try #require(resumed.json["questions"] as? [[String: Any]])
            #expect(again.map { $0["id"] as? String } == questions.map { $0["id"] as? String })
            #expect(again.first?["answer"] != nil && !(again.first?["answer"] is NSNull))
            let remaining = try #require(resumed.json["remaining_seconds"] as? Int)
            #expect(remaining == (started.json["remaining_seconds"] as! Int) - 30)

            // Past the deadline (and its grace of two seconds), the server refuses and marks the session.
            clock.advance(by: Double(remaining) + 3)
            let late = try await client.send(.put, "/api/v1/interviews/\(id)/answers/\(questions[1]["id"] as! String)", json: ["answer": 0], token: token)
            #expect(late.status == .conflict && late.isProblem)
            let finished = try await client.send(.get, "/api/v1/interviews/\(id)", token: token)
            #expect(finished.json["status"] as? String != "in_progress")
            let marked = try #require(finished.json["questions"] as? [[String: Any]])
            #expect(marked.allSatisfy { $0["result"] != nil })
        }
    }

    @Test("another candidate gets 404 on every session route; bad answers name the field")
    func sessionsAreOwned() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let admin = try #require(TestApp.adminAccessToken), token = try #require(TestApp.candidateAccessToken)
            _ = try await client.importBank(SkillsGraphFixtures.bank(), token: admin)
            let (id, session) = try await client.takeAssessment(token: token) { _ in nil }
            let question = try #require((session["questions"] as? [[String: Any]])?.first?["id"] as? String)
            let other = try await TestApp.signedInUser(services, email: "other@example.com")
            #expect(try await client.send(.get, "/api/v1/interviews/\(id)", token: other).status == .notFound)
            #expect(try await client.send(.put, "/api/v1/interviews/\(id)/answers/\(question)", json: ["answer": 0], token: other).status == .notFound)
            #expect(try await client.send(.post, "/api/v1/interviews/\(id)/finish", token: other).status == .notFound)
            #expect(try await client.send(.post, "/api/v1/interviews/\(id)/signals", json: ["kind": "paste"], token: other).status == .notFound)
            let wrong = try await client.send(.put, "/api/v1/interviews/\(id)/answers/\(question)", json: ["answer": ["x": 1]], token: token)
            #expect(wrong.status == .unprocessableContent && wrong.problemFields == ["answer"])
            let unknown = try await client.send(.post, "/api/v1/interviews", json: ["skill_id": "not-a-skill"], token: token)
            #expect(unknown.status == .unprocessableContent && unknown.problemFields == ["skill_id"])
            let noBank = try await client.send(.post, "/api/v1/interviews", json: ["skill_id": "kubernetes"], token: token)
            #expect(noBank.status == .notFound)
            let badSignal = try await client.send(.post, "/api/v1/interviews/\(id)/signals", json: ["kind": "teleport"], token: token)
            #expect(badSignal.status == .badRequest && badSignal.problemFields == ["kind"])
        }
    }

    @Test("right answers verify a level with a date and validity; the next attempt waits for the cool-down and repeats no question")
    func verifiedLevelAndCooldown() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let admin = try #require(TestApp.adminAccessToken), token = try #require(TestApp.candidateAccessToken)
            _ = try await client.importBank(SkillsGraphFixtures.bank(), token: admin)
            let (id, first) = try await client.takeAssessment(token: token) { SkillsGraphFixtures.rightAnswer($0) }
            try await client.send(.post, "/api/v1/interviews/\(id)/signals", json: ["kind": "tab_hidden"], token: token)
            let finished = try await client.send(.post, "/api/v1/interviews/\(id)/finish", token: token)
            #expect(finished.json["status"] as? String == "completed", "\(String(buffer: finished.body))")
            #expect(finished.json["level"] as? Int == 3)
            #expect((finished.json["signals"] as? [[String: Any]])?.first?["kind"] as? String == "tab_hidden")

            let verified = try await client.send(.get, "/api/v1/verified-skills", token: token)
            let skill = try #require((verified.json["verified_skills"] as? [[String: Any]])?.first)
            #expect(skill["skill_id"] as? String == "python" && skill["level"] as? Int == 3)
            #expect(skill["verified_at"] as? String != nil && skill["expires_at"] as? String != nil)
            let inbox = try await client.send(.get, "/api/v1/notifications", token: token)
            #expect((inbox.json["notifications"] as? [[String: Any]])?.first?["kind"] as? String == "assessment_result")

            let tooSoon = try await client.send(.post, "/api/v1/interviews", json: ["skill_id": "python"], token: token)
            #expect(tooSoon.status == .conflict)
            clock.advance(by: 8 * 86_400)
            let fresh = try await TestApp.signIn(services, email: "candidate@example.com")
            let retake = try await client.send(.post, "/api/v1/interviews", json: ["skill_id": "python"], token: fresh)
            #expect(retake.status == .created)
            let before = Set(((first["questions"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            let now = Set(((retake.json["questions"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            #expect(!now.isEmpty && before.isDisjoint(with: now))
        }
    }

    @Test("an unsure rubric marking goes to review; the reviewer's override is audited with who, when and why, and makes the level final")
    func reviewOverrideIsAudited() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let admin = try #require(TestApp.adminAccessToken), token = try #require(TestApp.candidateAccessToken)
            _ = try await client.importBank(SkillsGraphFixtures.smallBank(skill: "python"), token: admin)
            let vague = String(repeating: "I would look at the service carefully and think about where the memory goes over a long time. ", count: 3)
            let (id, _) = try await client.takeAssessment(token: token) { question in
                question["kind"] as? String == "open_answer" ? vague : SkillsGraphFixtures.rightAnswer(question)
            }
            let finished = try await client.send(.post, "/api/v1/interviews/\(id)/finish", token: token)
            #expect(finished.json["status"] as? String == "in_review", "\(String(buffer: finished.body))")

            #expect(try await client.send(.get, "/api/v1/reviews", token: token).status == .forbidden)
            let queue = try await client.send(.get, "/api/v1/reviews", token: admin)
            let item = try #require((queue.json["reviews"] as? [[String: Any]])?.first)
            #expect(item["session_id"] as? String == id)
            #expect(((item["result"] as? [String: Any])?["review"] as? [String: Any])?["status"] as? String == "pending")
            let questionID = try #require(item["question_id"] as? String)

            let unexplained = try await client.send(.post, "/api/v1/reviews/\(id)/\(questionID)", json: ["score": 80, "note": " "], token: admin)
            #expect(unexplained.status == .unprocessableContent && unexplained.problemFields == ["note"])
            clock.advance(by: 60)
            let decided = try await client.send(.post, "/api/v1/reviews/\(id)/\(questionID)",
                                                json: ["score": 90, "note": "Describes measuring over time in other words."], token: admin)
            #expect(decided.status == .ok, "\(String(buffer: decided.body))")
            let audit = try #require((decided.json["decisions"] as? [[String: Any]])?.first)
            #expect(audit["score"] as? Int == 90 && audit["previous_score"] as? Int == 0)
            #expect(audit["note"] as? String == "Describes measuring over time in other words.")
            #expect(audit["decided_at"] as? String == Timestamps.format(TestApp.now.addingTimeInterval(60)))
            #expect(audit["reviewer_id"] as? String != nil)
            #expect(decided.json["session_status"] as? String == "completed")
            #expect(try await client.send(.post, "/api/v1/reviews/\(id)/\(questionID)", json: ["score": 10, "note": "again"], token: admin).status == .conflict)
            let session = try await client.send(.get, "/api/v1/interviews/\(id)", token: token)
            #expect(session.json["status"] as? String == "completed")
            #expect(session.json["level"] as? Int == 3)
        }
    }

    @Test("the same open answer handed in by two candidates is flagged for review on the second, never on the first")
    func identicalAnswersAreFlagged() async throws {
        // Every question shown to everyone (share 1), and a bank exactly the size of a session, so both draw the same questions.
        let settings = TestApp.settings { $0.skillsGraph.exposureShare = 1 }
        try await TestApp.withServicesAndClient(settings: settings) { services, client in
            let admin = try #require(TestApp.adminAccessToken), first = try #require(TestApp.candidateAccessToken)
            #expect(try await client.importBank(SkillsGraphFixtures.smallBank(skill: "sql"), token: admin).status == .ok)
            let second = try await TestApp.signedInUser(services, email: "second@example.com")
            var reasons: [[String]] = []
            for token in [first, second] {
                let (id, session) = try await client.takeAssessment(skill: "sql", token: token) { SkillsGraphFixtures.rightAnswer($0) }
                #expect((session["questions"] as? [[String: Any]])?.count == 4)
                let finished = try await client.send(.post, "/api/v1/interviews/\(id)/finish", token: token)
                // The open answer is marked against its rubric, each point with the words that make it.
                let points = ((finished.json["questions"] as? [[String: Any]]) ?? []).compactMap { ($0["result"] as? [String: Any])?["points"] as? [[String: Any]] }
                #expect(points.first?.map { $0["covered"] as? Bool } == [true, true])
                #expect((points.first?.first?["evidence"] as? [[String: Any]])?.map { $0["text"] as? String } == ["tracemalloc"])
                reasons.append(((finished.json["questions"] as? [[String: Any]]) ?? []).compactMap {
                    (($0["result"] as? [String: Any])?["review"] as? [String: Any])?["reasons"] as? [String]
                }.flatMap { $0 })
            }
            #expect(reasons[0].isEmpty)
            #expect(reasons[1] == ["same text as another candidate's answer"])
        }
    }
}

import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import WayfinderApp

/// A small bank for route tests: per level, objective questions whose answer is always choice 0 or
/// "yes", and one open answer at level 2 with a rubric.
enum SkillsGraphFixtures {
    static func question(_ id: String, level: Int, kind: String = "multiple_choice", skill: String = "python") -> [String: Any] {
        switch kind {
        case "short_answer":
            return ["id": id, "skill_id": skill, "level": level, "kind": kind, "prompt": "Say yes.", "accepted": ["yes"]]
        case "open_answer":
            return ["id": id, "skill_id": skill, "level": level, "kind": kind, "prompt": "How would you find a memory leak?",
                    "rubric": [["id": "measure", "description": "Measures allocations", "weight": 2, "cues": ["tracemalloc", "heap snapshot"]],
                               ["id": "verify", "description": "Confirms the fix under load", "weight": 1, "cues": ["load test", "measure again"]]],
                    "sample_answer": "Compare tracemalloc snapshots, fix, then load test."]
        default:
            return ["id": id, "skill_id": skill, "level": level, "kind": "multiple_choice", "prompt": "Pick the first.",
                    "choices": ["first", "second", "third"], "correct": [0], "explanation": "The first is right."]
        }
    }

    /// Eight questions per level for `skill` (enough for a retake without repeats), one open answer at level 2.
    static func bank(skill: String = "python") -> Data {
        var questions: [[String: Any]] = []
        for level in 1...3 {
            for number in 0..<8 {
                let kind = level == 2 && number == 0 ? "open_answer" : number % 3 == 1 ? "short_answer" : "multiple_choice"
                questions.append(question("\(skill)-\(level)-\(number)", level: level, kind: kind, skill: skill))
            }
        }
        return try! JSONSerialization.data(withJSONObject: ["format": "wayfinder-assessment-bank", "version": 1, "questions": questions])
    }

    /// A bank exactly one session long: two foundation questions, one open answer, one advanced question.
    static func smallBank(skill: String) -> Data {
        let questions = [question("\(skill)-1-0", level: 1, skill: skill), question("\(skill)-1-1", level: 1, kind: "short_answer", skill: skill),
                         question("\(skill)-2-0", level: 2, kind: "open_answer", skill: skill), question("\(skill)-3-0", level: 3, skill: skill)]
        return try! JSONSerialization.data(withJSONObject: ["format": "wayfinder-assessment-bank", "version": 1, "questions": questions])
    }

    /// The right answer for a question as the session shows it (the fixtures' keys are fixed).
    static func rightAnswer(_ question: [String: Any]) -> Any {
        switch question["kind"] as? String {
        case "short_answer": "yes"
        case "open_answer": "I take a tracemalloc heap snapshot every hour and compare them, fix the cache, then run a load test to confirm."
        default: 0
        }
    }
}

extension TestClientProtocol {
    /// Imports a bank as the administrator.
    func importBank(_ data: Data, token: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/json"
        return try await execute(uri: "/api/v1/assessments/import", method: .post, headers: headers, body: ByteBuffer(bytes: data))
    }

    /// Starts an assessment and answers each question with `answer(question)`; answers the session id.
    func takeAssessment(skill: String = "python", token: String, answer: ([String: Any]) -> Any?) async throws -> (id: String, session: [String: Any]) {
        let started = try await send(.post, "/api/v1/interviews", json: ["skill_id": skill], token: token)
        #expect(started.status == .created, "\(String(buffer: started.body))")
        let id = try #require(started.json["id"] as? String)
        for question in started.json["questions"] as? [[String: Any]] ?? [] {
            guard let value = answer(question), let questionID = question["id"] as? String else { continue }
            let saved = try await send(.put, "/api/v1/interviews/\(id)/answers/\(questionID)", json: ["answer": value], token: token)
            #expect(saved.status == .ok, "\(String(buffer: saved.body))")
        }
        return (id, started.json)
    }

    func patchProfile(_ fields: [String: Any], token: String) async throws {
        let response = try await send(.patch, "/api/v1/users/me", json: fields, token: token)
        #expect(response.status == .ok, "\(String(buffer: response.body))")
    }
}

extension TestApp {
    /// A signed-in account in the given groups.
    static func signedInUser(_ services: AppServices, email: String, name: String, groups: Set<UserGroup>) async throws -> String {
        _ = try await services.accounts.administration.provision(email: email, password: "Candidate-Pass-1!", name: name, groups: groups)
        return try await signIn(services, email: email)
    }
}

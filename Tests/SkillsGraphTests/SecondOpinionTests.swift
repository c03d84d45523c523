import Foundation
import Platform
import Testing
@testable import SkillsGraph

@Suite("An LLM's second opinion")
struct SecondOpinionTests {
    /// A model that answers with a fixed text, or fails.
    struct FixedModel: LanguageModel {
        let reply: String?
        func complete(system: String, prompt: String, maxTokens: Int) async throws -> String {
            guard let reply else { throw LanguageModelError.unreachable(reason: "down") }
            return reply
        }
    }

    static let question = AssessmentQuestion(id: "q", skillID: "python", level: 2, kind: .openAnswer, prompt: "Find a leak",
                                             rubric: [RubricPoint(id: "measure", description: "Measures", weight: 2, cues: ["tracemalloc"]),
                                                      RubricPoint(id: "verify", description: "Verifies", weight: 1, cues: ["load test"])])

    @Test("keeps only lines about the rubric's points; chatter and a model that fails give none")
    func keepsOnlyRubricLines() async {
        let reply = "Sure! Here is my view.\nmeasure: yes - compares snapshots over time\n- verify: no - never re-measures\nscore: 100"
        let opinion = await SecondOpinion(model: FixedModel(reply: reply), repository: NoRepository()).opinion(question: Self.question, answer: "text")
        #expect(opinion == "measure: yes - compares snapshots over time\n- verify: no - never re-measures")
        #expect(await SecondOpinion(model: FixedModel(reply: "I cannot help."), repository: NoRepository()).opinion(question: Self.question, answer: "x") == nil)
        #expect(await SecondOpinion(model: FixedModel(reply: nil), repository: NoRepository()).opinion(question: Self.question, answer: "x") == nil)
    }
}

/// The opinion itself reads no storage.
struct NoRepository: AssessmentRepository {
    func saveQuestions(_ questions: [AssessmentQuestion]) async throws -> QuestionImportSummary { QuestionImportSummary() }
    func questions(skillID: String?) async throws -> [AssessmentQuestion] { [] }
    func question(id: String) async throws -> AssessmentQuestion? { nil }
    func bankedSkills() async throws -> [BankedSkill] { [] }
    func exposures(skillID: String) async throws -> (takers: Int, exposures: [String: Int]) { (0, [:]) }
    func seenQuestions(userID: String, skillID: String) async throws -> Set<String> { [] }
    func latestSession(userID: String, skillID: String) async throws -> InterviewSession? { nil }
    func insert(_ session: InterviewSession) async throws {}
    func session(id: String, owner: String) async throws -> InterviewSession? { nil }
    func session(id: String) async throws -> InterviewSession? { nil }
    func sessions(owner: String) async throws -> [InterviewSession] { [] }
    func answers(sessionID: String) async throws -> [SessionAnswer] { [] }
    func saveAnswer(_ answer: SessionAnswer) async throws -> Bool { false }
    func addSignal(_ signal: SessionSignal) async throws {}
    func signals(sessionID: String) async throws -> [SessionSignal] { [] }
    func sameAnswers(questionID: String, fingerprint: String, excludingSession: String) async throws -> [(sessionID: String, userID: String)] { [] }
    func finish(_ session: InterviewSession, answers: [SessionAnswer]) async throws -> Bool { false }
    func pendingReviews(limit: Int) async throws -> [ReviewItem] { [] }
    func decide(_ decision: ReviewDecision) async throws -> Bool { false }
    func decisions(sessionID: String) async throws -> [ReviewDecision] { [] }
    func saveSecondOpinion(sessionID: String, questionID: String, opinion: String) async throws {}
    func complete(_ session: InterviewSession) async throws {}
    func saveVerifiedSkill(_ skill: VerifiedSkill) async throws {}
    func verifiedSkills(userID: String) async throws -> [VerifiedSkill] { [] }
}

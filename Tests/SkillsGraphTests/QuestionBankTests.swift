import Domain
import Foundation
import CareerAgent
import Testing
@testable import SkillsGraph

@Suite("Question banks")
struct QuestionBankTests {
    @Test("a bank with problems is refused whole, naming each problem's place")
    func problemsAreNamedByPlace() throws {
        let json = """
            {"format": "wayfinder-assessment-bank", "version": 1, "questions": [
              {"id": "a", "skill_id": "python", "level": 1, "kind": "multiple_choice", "prompt": "?", "choices": ["x", "y"], "correct": [0, 1]},
              {"id": "a", "skill_id": "klingon", "level": 4, "kind": "short_answer", "prompt": "?"},
              {"id": "c", "skill_id": "python", "level": 2, "kind": "open_answer", "prompt": "?", "rubric": [{"id": "p", "description": "d", "weight": 5, "cues": []}]}
            ]}
            """
        do {
            _ = try QuestionBank.read(Data(json.utf8), knownSkill: { $0 == "python" })
            Issue.record("the bank was accepted")
        } catch DomainError.invalid(_, let problems) {
            let fields = Set(problems.map(\.field))
            #expect(fields == ["questions[0].correct", "questions[1].id", "questions[1].skill_id", "questions[1].level", "questions[1].accepted",
                               "questions[2].rubric[0].weight", "questions[2].rubric[0].cues"])
        }
    }

    @Test("a bank survives export and import unchanged")
    func roundTrip() throws {
        let question = AssessmentQuestion(id: "x", skillID: "sql", level: 2, kind: .openAnswer, prompt: "Why index?",
                                          rubric: [RubricPoint(id: "r", description: "d", weight: 2, cues: ["faster lookup"])],
                                          sampleAnswer: "Lookups get faster.", explanation: "e", seconds: 120)
        let bank = QuestionBank(licence: "CC BY 4.0", questions: [question])
        let read = try QuestionBank.read(try bank.encoded(), knownSkill: { _ in true })
        #expect(read == bank)
    }

    @Test("the starter bank ships valid, with its licence, for a few dozen skills of the taxonomy, with every level")
    func starterBankIsValid() throws {
        let taxonomy = SkillTaxonomy.shipped
        let bank = try QuestionBank.read(try StarterBank.data(), knownSkill: { taxonomy.concept(id: $0) != nil })
        let skills = Dictionary(grouping: bank.questions, by: \.skillID)
        #expect(skills.count >= 24)
        for (skill, questions) in skills {
            #expect(Set(questions.map(\.level)) == [1, 2, 3], "\(skill)")
            #expect(questions.contains { $0.kind == .openAnswer }, "\(skill)")
        }
        #expect(bank.licence?.contains("CC BY 4.0") == true)
        #expect(StarterBank.licenceURL != nil)
    }
}

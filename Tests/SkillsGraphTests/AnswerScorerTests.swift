import Domain
import Testing
@testable import SkillsGraph

@Suite("Marking objective answers")
struct AnswerScorerTests {
    let scorer = AnswerScorer()

    @Test("multiple choice is right or wrong; multiple answer earns per right pick and loses per wrong one")
    func choices() {
        let single = AssessmentQuestion(id: "a", skillID: "git", level: 1, kind: .multipleChoice, prompt: "?", choices: ["x", "y", "z"], correct: [2])
        #expect(scorer.mark(.choices([2]), for: single).score == 1)
        #expect(scorer.mark(.choices([1]), for: single).score == 0)
        let many = AssessmentQuestion(id: "b", skillID: "git", level: 1, kind: .multipleAnswer, prompt: "?", choices: ["w", "x", "y", "z"], correct: [0, 2])
        #expect(scorer.mark(.choices([0, 2]), for: many).score == 1)
        #expect(scorer.mark(.choices([0]), for: many).score == 0.5)
        #expect(scorer.mark(.choices([0, 1]), for: many).score == 0)
        #expect(scorer.mark(.choices([0, 1, 2, 3]), for: many).score == 0)
        #expect(scorer.mark(nil, for: many).score == 0)
    }

    @Test("written answers compare without case, spacing or a final full stop; code output keeps its lines")
    func writtenAnswers() {
        let short = AssessmentQuestion(id: "c", skillID: "python", level: 1, kind: .shortAnswer, prompt: "?", accepted: ["def"])
        #expect(scorer.mark(.text("  DEF. "), for: short).score == 1)
        #expect(scorer.mark(.text("define"), for: short).score == 0)
        #expect(scorer.mark(.text(""), for: short).score == 0)
        let output = AssessmentQuestion(id: "d", skillID: "python", level: 2, kind: .codeOutput, prompt: "?", code: "print(1)\nprint(2)", accepted: ["1\n2"])
        #expect(scorer.mark(.text("1\n2\n"), for: output).score == 1)
        #expect(scorer.mark(.text("1 2"), for: output).score == 0)
    }

    @Test("answers are read as the question's kind expects and named in the error when they do not fit")
    func readingAnswers() throws {
        #expect(try AnswerValue.read(.number(1), for: .multipleChoice, choiceCount: 3) == .choices([1]))
        #expect(try AnswerValue.read(.array([.number(2), .number(0)]), for: .multipleAnswer, choiceCount: 3) == .choices([0, 2]))
        #expect(throws: DomainError.self) { try AnswerValue.read(.number(5), for: .multipleChoice, choiceCount: 3) }
        #expect(throws: DomainError.self) { try AnswerValue.read(.string("x"), for: .multipleAnswer, choiceCount: 3) }
        #expect(throws: DomainError.self) { try AnswerValue.read(.number(1), for: .openAnswer, choiceCount: 0) }
        let stored = AnswerValue.choices([0, 2]).stored
        #expect(AnswerValue.stored(stored, kind: .multipleAnswer) == .choices([0, 2]))
        #expect(AnswerValue.stored(AnswerValue.text("hi \"there\"").stored, kind: .openAnswer) == .text("hi \"there\""))
    }

    @Test("a level counts only when every level below it passes too")
    func gradeNeedsTheBasics() {
        let questions = AssessmentQuestion.levels.map {
            AssessmentQuestion(id: "q\($0)", skillID: "sql", level: $0, kind: .shortAnswer, prompt: "?", accepted: ["x"])
        }
        func answer(_ id: String, _ score: Double) -> SessionAnswer {
            SessionAnswer(sessionID: "s", questionID: id, value: .text(""), answeredAt: .distantPast,
                          marking: AnswerMarking(score: score, confidence: 1, method: .key))
        }
        let skipped = SkillGrade(questions: questions, answers: ["q1": answer("q1", 0), "q2": answer("q2", 1), "q3": answer("q3", 1)], passMark: 0.7)
        #expect(skipped.level == 0)
        #expect(skipped.score == 67)
        let two = SkillGrade(questions: questions, answers: ["q1": answer("q1", 1), "q2": answer("q2", 1)], passMark: 0.7)
        #expect(two.level == 2)
        var reviewed = answer("q3", 0.2)
        reviewed.review = AnswerReview(status: .decided, reasons: [], decidedScore: 0.9)
        let all = SkillGrade(questions: questions, answers: ["q1": answer("q1", 1), "q2": answer("q2", 1), "q3": reviewed], passMark: 0.7)
        #expect(all.level == 3)
    }
}

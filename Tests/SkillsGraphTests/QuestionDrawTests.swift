import Domain
import Testing
@testable import SkillsGraph

@Suite("Drawing questions")
struct QuestionDrawTests {
    /// A bank of `perLevel` questions at each level.
    static func bank(perLevel: Int) -> [AssessmentQuestion] {
        AssessmentQuestion.levels.flatMap { level in
            (0..<perLevel).map { number in
                AssessmentQuestion(id: "q-l\(level)-\(number)", skillID: "python", level: level, kind: .multipleChoice,
                                   prompt: "Question \(number)", choices: ["a", "b"], correct: [0])
            }
        }
    }

    @Test("over many takers, no question is shown to more than the set share of them, and all are used")
    func exposureCapHoldsOverManyTakers() {
        var policy = InterviewPolicy()
        policy.exposureShare = 0.5
        let draw = QuestionDraw(policy: policy)
        let bank = Self.bank(perLevel: 8)
        var exposures: [String: Int] = [:]
        for taker in 0..<400 {
            let drawn = draw.draw(from: bank, exposures: exposures, takers: taker, seen: [], seed: UInt64(taker) &* 7919)
            #expect(drawn.count == 8, "taker \(taker) got \(drawn.count) questions")
            for question in drawn { exposures[question.id, default: 0] += 1 }
            let takers = taker + 1
            for (id, count) in exposures {
                #expect(count <= max(1, (takers + 1) / 2), "\(id) shown \(count) times to \(takers) takers")
            }
        }
        // Rotation: the least shown go first, so use is even (3 of 8 at level 1 per taker: 150 each).
        let levelOne = bank.filter { $0.level == 1 }.map { exposures[$0.id, default: 0] }
        #expect(levelOne.max()! - levelOne.min()! <= 1)
        #expect(Set(exposures.keys) == Set(bank.map(\.id)))
    }

    @Test("a retaker never sees a question again, and runs out rather than repeating")
    func retakerGetsNoRepeats() {
        let draw = QuestionDraw(policy: InterviewPolicy())
        let bank = Self.bank(perLevel: 6)
        var seen = Set<String>()
        var exposures: [String: Int] = [:]
        var takers = 0
        // Others take it too, so the cap does not bind first.
        for other in 0..<20 {
            for question in draw.draw(from: bank, exposures: exposures, takers: takers, seen: [], seed: UInt64(other)) { exposures[question.id, default: 0] += 1 }
            takers += 1
        }
        for attempt in 0..<3 {
            let drawn = draw.draw(from: bank, exposures: exposures, takers: takers, seen: seen, seed: UInt64(100 + attempt))
            #expect(Set(drawn.map(\.id)).isDisjoint(with: seen))
            seen.formUnion(drawn.map(\.id))
            for question in drawn { exposures[question.id, default: 0] += 1 }
            takers += 1
        }
        // 6 per level: level 3 (2 per attempt) is exhausted after three attempts.
        let fourth = draw.draw(from: bank, exposures: exposures, takers: takers, seen: seen, seed: 999)
        #expect(fourth.allSatisfy { !seen.contains($0.id) })
        #expect(!fourth.contains { $0.level == 3 })
    }

    @Test("each session has its own order, the same whenever it is drawn again")
    func orderIsPerSessionAndStable() {
        var policy = InterviewPolicy()
        policy.questionsPerLevel = [1: 3, 2: 3, 3: 3]
        let draw = QuestionDraw(policy: policy)
        let bank = Self.bank(perLevel: 3)
        let first = draw.draw(from: bank, exposures: [:], takers: 10, seen: [], seed: 1).map(\.id)
        let again = draw.draw(from: bank, exposures: [:], takers: 10, seen: [], seed: 1).map(\.id)
        let other = draw.draw(from: bank, exposures: [:], takers: 10, seen: [], seed: 2).map(\.id)
        #expect(first == again)
        #expect(first != other)
        #expect(Set(first) == Set(other))
    }
}

/// How one answer was marked: by the question's key or by its rubric, with how sure the marking
/// is and, once a person has looked, their verdict.
public struct AnswerMarking: Sendable, Equatable, Codable {
    public enum Method: String, Sendable, Codable { case key, rubric }

    /// 0–1.
    public var score: Double
    /// 0–1; answers marked by key are certain.
    public var confidence: Double
    public var method: Method
    public var rubric: RubricMarking?

    public init(score: Double, confidence: Double, method: Method, rubric: RubricMarking? = nil) {
        self.score = score
        self.confidence = confidence
        self.method = method
        self.rubric = rubric
    }
}

/// Marks answers: objective kinds against their key, open answers against their rubric.
public struct AnswerScorer: Sendable {
    let rubric = RubricScorer()

    public init() {}

    public func mark(_ answer: AnswerValue?, for question: AssessmentQuestion) -> AnswerMarking {
        switch (question.kind, answer) {
        case (.openAnswer, let answer):
            var text = ""
            if case .text(let written)? = answer { text = written }
            let marking = rubric.score(text, rubric: question.rubric)
            return AnswerMarking(score: marking.score, confidence: text.isEmpty ? 1 : marking.confidence, method: .rubric, rubric: marking)
        case (_, nil):
            return AnswerMarking(score: 0, confidence: 1, method: .key)
        case (.multipleChoice, .choices(let picked)?):
            return AnswerMarking(score: picked == question.correct ? 1 : 0, confidence: 1, method: .key)
        case (.multipleAnswer, .choices(let picked)?):
            // Each right pick earns its share, each wrong pick takes one away; never below zero.
            let right = Set(question.correct), chosen = Set(picked)
            let earned = Double(chosen.intersection(right).count - chosen.subtracting(right).count) / Double(max(1, right.count))
            return AnswerMarking(score: max(0, min(1, earned)), confidence: 1, method: .key)
        case (.shortAnswer, .text(let text)?), (.codeOutput, .text(let text)?):
            let given = AnswerText.normalized(text)
            let right = !given.isEmpty && question.accepted.contains { AnswerText.normalized($0) == given }
            return AnswerMarking(score: right ? 1 : 0, confidence: 1, method: .key)
        default:
            return AnswerMarking(score: 0, confidence: 1, method: .key)
        }
    }
}

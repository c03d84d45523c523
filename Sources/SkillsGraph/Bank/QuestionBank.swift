import Domain
import Foundation

/// A bank file: `{format, version, licence, questions}`, the shape `wayfinder assessments import`
/// reads and the export writes.
public struct QuestionBank: Sendable, Equatable, Codable {
    public static let format = "wayfinder-assessment-bank"

    public var format: String
    public var version: Int
    public var licence: String?
    public var questions: [AssessmentQuestion]

    public init(licence: String? = nil, questions: [AssessmentQuestion]) {
        format = Self.format
        version = 1
        self.licence = licence
        self.questions = questions
    }

    /// Reads a bank and checks every question; every problem is reported with its place
    /// (`questions[4].correct`), and nothing is accepted while any remains.
    public static func read(_ data: Data, knownSkill: (String) -> Bool) throws -> QuestionBank {
        let bank: QuestionBank
        do {
            bank = try JSONDecoder().decode(QuestionBank.self, from: data)
        } catch let error as DecodingError {
            let field = error.fieldError()
            throw DomainError.badRequest("The bank is not a valid assessment bank.", fieldErrors: [field])
        } catch {
            throw DomainError.badRequest("The bank is not JSON.")
        }
        guard bank.format == format else {
            throw DomainError.invalid("Unknown bank format.", fieldErrors: [FieldError(field: "format", message: "must be \"\(format)\"")])
        }
        var problems: [FieldError] = []
        var seen = Set<String>()
        for (index, question) in bank.questions.enumerated() {
            let place = "questions[\(index)]"
            if !seen.insert(question.id).inserted {
                problems.append(FieldError(field: "\(place).id", message: "\"\(question.id)\" appears more than once"))
            }
            if !knownSkill(question.skillID) {
                problems.append(FieldError(field: "\(place).skill_id", message: "\"\(question.skillID)\" is not a skill Wayfinder knows"))
            }
            problems += QuestionRules.problems(in: question).map { FieldError(field: "\(place).\($0.field)", message: $0.message) }
        }
        if bank.questions.isEmpty { problems.append(FieldError(field: "questions", message: "must hold at least one question")) }
        guard problems.isEmpty else {
            throw DomainError.invalid("The bank has \(problems.count) problem\(problems.count == 1 ? "" : "s").", fieldErrors: problems)
        }
        return bank
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// What makes one question usable: a key its kind can be marked against.
enum QuestionRules {
    static func problems(in question: AssessmentQuestion) -> [FieldError] {
        var problems: [FieldError] = []
        func problem(_ field: String, _ message: String) { problems.append(FieldError(field: field, message: message)) }
        if question.id.trimmingWhitespace().isEmpty || question.id.count > 120 { problem("id", "must be 1–120 characters") }
        if !AssessmentQuestion.levels.contains(question.level) { problem("level", "must be 1, 2 or 3") }
        if question.prompt.trimmingWhitespace().isEmpty { problem("prompt", "must not be empty") }
        if let seconds = question.seconds, !(10...1800).contains(seconds) { problem("seconds", "must be 10–1800") }
        switch question.kind {
        case .multipleChoice, .multipleAnswer:
            if !(2...8).contains(question.choices.count) { problem("choices", "must list 2–8 choices") }
            if Set(question.correct).count != question.correct.count || question.correct.contains(where: { !question.choices.indices.contains($0) }) {
                problem("correct", "must be distinct indexes of choices")
            } else if question.kind == .multipleChoice, question.correct.count != 1 {
                problem("correct", "a multiple-choice question has exactly one right choice")
            } else if question.kind == .multipleAnswer, question.correct.isEmpty {
                problem("correct", "must name at least one right choice")
            }
        case .shortAnswer, .codeOutput:
            if question.accepted.allSatisfy({ AnswerText.normalized($0).isEmpty }) { problem("accepted", "must list at least one accepted answer") }
            if question.kind == .codeOutput, question.code?.trimmingWhitespace().isEmpty ?? true { problem("code", "must hold the code whose output is asked") }
        case .openAnswer:
            if !(1...8).contains(question.rubric.count) { problem("rubric", "must hold 1–8 points") }
            for (index, point) in question.rubric.enumerated() {
                if !(1...3).contains(point.weight) { problem("rubric[\(index)].weight", "must be 1–3") }
                if point.cues.allSatisfy({ RubricWords.words(in: $0).isEmpty }) { problem("rubric[\(index)].cues", "must list at least one cue") }
            }
        }
        return problems
    }
}

import Domain
import Foundation

/// What a candidate answered: choice indexes (one for multiple choice) or written text.
public enum AnswerValue: Sendable, Equatable {
    case choices([Int])
    case text(String)

    /// Reads `answer` as the question's kind expects it: an index, a list of indexes, or a string.
    public static func read(_ json: JSONValue?, for kind: AssessmentQuestion.Kind, choiceCount: Int) throws -> AnswerValue {
        func invalid(_ message: String) -> DomainError {
            .invalid("The answer does not fit the question.", fieldErrors: [FieldError(field: "answer", message: message)])
        }
        switch kind {
        case .multipleChoice:
            guard case .number(let number)? = json, let index = Int(exactly: number) else { throw invalid("must be the index of one choice") }
            guard (0..<choiceCount).contains(index) else { throw invalid("must be between 0 and \(choiceCount - 1)") }
            return .choices([index])
        case .multipleAnswer:
            guard case .array(let items)? = json else { throw invalid("must be a list of choice indexes") }
            let indexes = try items.map { item -> Int in
                guard case .number(let number) = item, let index = Int(exactly: number), (0..<choiceCount).contains(index) else {
                    throw invalid("must hold indexes between 0 and \(choiceCount - 1)")
                }
                return index
            }
            guard Set(indexes).count == indexes.count else { throw invalid("must not name a choice twice") }
            return .choices(indexes.sorted())
        case .shortAnswer, .codeOutput, .openAnswer:
            guard case .string(let text)? = json else { throw invalid("must be text") }
            guard text.unicodeScalars.count <= 20_000 else { throw invalid("must be at most 20,000 characters") }
            return .text(text)
        }
    }

    public var json: JSONValue {
        switch self {
        case .choices(let indexes): indexes.count == 1 ? .number(Double(indexes[0])) : .array(indexes.map { .number(Double($0)) })
        case .text(let text): .string(text)
        }
    }

    /// The stored form: JSON text.
    public var stored: String {
        String(decoding: (try? JSONEncoder().encode(json)) ?? Data("null".utf8), as: UTF8.self)
    }

    public static func stored(_ text: String, kind: AssessmentQuestion.Kind) -> AnswerValue {
        let json = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        switch (kind, json) {
        case (.multipleChoice, .number(let number)?): return .choices([Int(number)])
        case (.multipleAnswer, .array(let items)?):
            return .choices(items.compactMap { if case .number(let number) = $0 { Int(number) } else { nil } })
        case (_, .string(let text)?): return .text(text)
        default: return .text("")
        }
    }
}

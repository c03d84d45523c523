import Foundation
import Platform

/// Lets an optional language model reword the analysis's suggestions, one call for all of them. The
/// model never sees or changes a score; when it is absent, slow, failing or answers out of shape,
/// the rubric's own sentences stand.
public struct SuggestionWording: Sendable {
    private let model: (any LanguageModel)?

    public init(model: (any LanguageModel)?) {
        self.model = model
    }

    static let instructions = """
    You rewrite resume advice so it is clear, specific and encouraging. You receive numbered suggestions, each \
    possibly quoting a line of the resume. Answer with exactly the same numbered list, one line per suggestion, \
    same numbers, same meaning, no new facts, no praise the resume does not support, at most 40 words each.
    """

    /// The suggestions reworded, and whether the model did it.
    public func reword(_ suggestions: [Finding]) async -> (suggestions: [Finding], byModel: Bool) {
        guard let model, !suggestions.isEmpty else { return (suggestions, false) }
        let prompt = suggestions.enumerated().map { index, finding in
            "\(index + 1). \(finding.text)" + (finding.quote.map { " (resume line: \"\($0.text)\")" } ?? "")
        }.joined(separator: "\n")
        guard let answer = try? await model.complete(system: Self.instructions, prompt: prompt, maxTokens: 60 * suggestions.count),
              let lines = Self.numberedLines(answer, count: suggestions.count) else {
            return (suggestions, false)
        }
        return (zip(suggestions, lines).map { Finding(text: $1, quote: $0.quote) }, true)
    }

    /// "1. …" to "n. …", each present once and non-empty, or nil.
    static func numberedLines(_ answer: String, count: Int) -> [String]? {
        var byNumber: [Int: String] = [:]
        for line in answer.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let dot = trimmed.firstIndex(where: { $0 == "." || $0 == ")" }), let number = Int(trimmed[..<dot]) else { continue }
            let text = trimmed[trimmed.index(after: dot)...].trimmingCharacters(in: .whitespaces)
            guard (1...count).contains(number), !text.isEmpty, text.count <= 400, byNumber[number] == nil else { return nil }
            byNumber[number] = text
        }
        guard byNumber.count == count else { return nil }
        return (1...count).map { byNumber[$0]! }
    }
}

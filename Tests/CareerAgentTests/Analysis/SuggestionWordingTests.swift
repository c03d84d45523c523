import Platform
import Testing
@testable import CareerAgent

@Suite struct SuggestionWordingTests {
    struct Scripted: LanguageModel {
        let answer: @Sendable (String) throws -> String
        func complete(system: String, prompt: String, maxTokens: Int) async throws -> String { try answer(prompt) }
    }

    struct Down: Error {}

    static let suggestions = [
        Finding(text: "Add a number to this line.", quote: .init(text: "Improved onboarding", start: 10, end: 29)),
        Finding(text: "Add your phone number at the top of the resume.", quote: nil),
    ]

    @Test func aWellFormedAnswerRewordsAndKeepsTheQuotes() async {
        let model = Scripted { _ in "1. Say by how much you improved onboarding.\n2. Put a phone number under your name." }
        let (reworded, byModel) = await SuggestionWording(model: model).reword(Self.suggestions)
        #expect(byModel)
        #expect(reworded.map(\.text) == ["Say by how much you improved onboarding.", "Put a phone number under your name."])
        #expect(reworded.map(\.quote) == Self.suggestions.map(\.quote))
    }

    @Test(arguments: ["1. Only one line.", "1. One\n1. Again\n2. Two", "Sure! Here you go.", ""])
    func answersOutOfShapeKeepTheRubricsWords(answer: String) async {
        let (kept, byModel) = await SuggestionWording(model: Scripted { _ in answer }).reword(Self.suggestions)
        #expect(!byModel && kept == Self.suggestions)
    }

    @Test func aModelThatIsDownOrAbsentChangesNothing() async {
        let down = await SuggestionWording(model: Scripted { _ in throw Down() }).reword(Self.suggestions)
        #expect(!down.byModel && down.suggestions == Self.suggestions)
        let absent = await SuggestionWording(model: nil).reword(Self.suggestions)
        #expect(!absent.byModel && absent.suggestions == Self.suggestions)
    }
}

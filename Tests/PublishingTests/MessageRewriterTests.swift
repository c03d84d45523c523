import Domain
import Platform
import Publishing
import Testing

@Suite("The language model's rewrites, held to the rules")
struct MessageRewriterTests {
    /// Answers what it is given, as a model that ignores limits and links would.
    struct ScriptedModel: LanguageModel {
        var answer: String
        func complete(system: String, prompt: String, maxTokens: Int) async throws -> String { answer }
    }

    struct SilentModel: LanguageModel {
        struct Down: Error {}
        func complete(system: String, prompt: String, maxTokens: Int) async throws -> String { throw Down() }
    }

    @Test("a rewrite over the limit is cut by the rules and gets its link back")
    func heldToTheRules() async throws {
        let rewriter = MessageRewriter(model: ScriptedModel(answer: String(repeating: "A much longer and chattier sentence. ", count: 40)))
        let proposal = try await rewriter.propose(MessageContent(body: "Short.", link: "https://wayfinder.example/j/1"), for: .mastodon)
        #expect(proposal.length <= 500 && proposal.text.hasSuffix("https://wayfinder.example/j/1") && proposal.shortened)
    }

    @Test("without a model, or when it fails, the answer says so and nothing else changes")
    func unavailable() async throws {
        await #expect(throws: DomainError.self) { try await MessageRewriter(model: nil).propose(MessageContent(body: "x"), for: .slack) }
        await #expect(throws: DomainError.self) { try await MessageRewriter(model: SilentModel()).propose(MessageContent(body: "x"), for: .slack) }
        #expect(MessageRewriter(model: nil).isAvailable == false)
    }
}

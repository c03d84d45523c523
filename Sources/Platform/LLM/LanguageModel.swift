/// Completes a prompt with a language model. Features use one only to propose wording and must work
/// when it is absent, slow or wrong: every call can throw, and callers fall back to their own text.
public protocol LanguageModel: Sendable {
    /// The model's answer to `prompt` under the instructions in `system`, at most `maxTokens` long.
    func complete(system: String, prompt: String, maxTokens: Int) async throws -> String
}

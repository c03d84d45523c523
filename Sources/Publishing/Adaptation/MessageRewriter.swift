import Domain
import Platform

/// Asks the optional language model for a channel's wording, then holds its answer to the same rules as
/// any version: the network's limit, the link kept whole, the markup the network reads. The model only
/// proposes; a person picks it as an override or not, and without a model nothing changes.
public struct MessageRewriter: Sendable {
    let model: (any LanguageModel)?

    public init(model: (any LanguageModel)?) {
        self.model = model
    }

    public var isAvailable: Bool { model != nil }

    /// The model's version for `kind`, fitted by the rules; throws `unavailable` without a model or when it fails.
    public func propose(_ content: MessageContent, for kind: ChannelKind) async throws -> AdaptedText {
        guard let model else { throw DomainError.unavailable("No language model is configured (WAYFINDER_LLM_URL); every version is still adapted by the rules.") }
        let style = ChannelStyle.of(kind)
        let system = """
            You rewrite a short announcement for one social network or channel. Keep every fact, name, number and date exactly; \
            add no claim, no achievement, no emoji the author did not write, and no link. Match the channel's usual tone. \
            Answer with the rewritten text only.
            """
        let prompt = """
            Channel: \(kind.rawValue), at most \(style.limit - (content.link.map { $0.count + 2 } ?? 0)) characters.
            Title: \(content.title ?? "(none)")
            Text:
            \(content.body)
            """
        let answer: String
        do {
            answer = try await model.complete(system: system, prompt: prompt, maxTokens: min(1_000, style.limit / 2))
        } catch {
            throw DomainError.unavailable("The language model did not answer: \(error)")
        }
        // The rules have the last word: the link goes back in whole, and the limit holds.
        let body = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw DomainError.unavailable("The language model answered nothing.") }
        return ChannelAdaptation.adapt(MessageContent(title: nil, body: body, link: content.link), for: kind)
    }
}

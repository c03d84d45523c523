/// A policy or past decision that bears on a request, quoted.
public struct Evidence: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case policy, precedent }
    /// Why it is shown: a rule it broke, a rule that routed it, or text the search found related.
    public enum Relevance: String, Codable, Sendable { case violated, applied, related }

    public var kind: Kind
    public var id: String
    public var title: String
    public var quote: String
    public var relevance: Relevance

    public init(kind: Kind, id: String, title: String, quote: String, relevance: Relevance) {
        self.kind = kind
        self.id = id
        self.title = title
        self.quote = quote
        self.relevance = relevance
    }
}

/// A past decision, kept as knowledge for later requests about the same access.
public struct Precedent: Sendable, Equatable {
    public var requestID: String
    public var summary: String
    public var text: String

    public init(requestID: String, summary: String, text: String) {
        self.requestID = requestID
        self.summary = summary
        self.text = text
    }
}

/// Retrieval over the policy texts and past decisions. It only adds evidence: the checks and rules
/// decide, whatever it finds or misses.
public protocol AccessKnowledge: Sendable {
    /// Replaces the policies known.
    func replacePolicies(_ policies: [AccessPolicy]) async
    /// Adds past decisions; a request already known is replaced by its newer outcome.
    func addPrecedents(_ precedents: [Precedent]) async
    /// The policies and precedents that best fit any of `queries` (names of the role, the application,
    /// the conditions at stake), best first.
    func search(_ queries: [String], limit: Int) async -> [Evidence]
}

import Foundation

/// A conversation that fills a request's slots over several turns ("I need Workday" → "Which role?" →
/// "HR Analyst") until it can be submitted.
public struct AccessChatSession: Codable, Sendable, Equatable {
    public struct Turn: Codable, Sendable, Equatable {
        public enum Speaker: String, Codable, Sendable { case requester, assistant }
        public var speaker: Speaker
        public var text: String
        public var at: Date
    }

    public var id: String
    public var ownerAccountID: String
    /// The directory user the conversation speaks for (an integration may relay someone).
    public var requester: String?
    public var entities: AccessEntities
    public var turns: [Turn]
    /// The request the conversation ended in; a new turn after it starts a new request.
    public var requestID: String?
    public var updatedAt: Date

    public init(id: String, ownerAccountID: String, requester: String?, entities: AccessEntities, turns: [Turn], requestID: String?, updatedAt: Date) {
        self.id = id
        self.ownerAccountID = ownerAccountID
        self.requester = requester
        self.entities = entities
        self.turns = turns
        self.requestID = requestID
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id = "session_id", ownerAccountID = "owner_account_id", requester, entities, turns, requestID = "request_id", updatedAt = "updated_at"
    }
}

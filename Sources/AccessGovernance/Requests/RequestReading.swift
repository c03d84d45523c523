/// The slots of an access request.
public enum RequestSlot: String, Codable, Sendable, CaseIterable { case user, app, role }

/// What a request names, as directory ids.
public struct AccessEntities: Codable, Sendable, Equatable {
    public var userID: String?
    public var appID: String?
    public var roleID: String?
    public var duration: AccessDuration?

    public init(userID: String? = nil, appID: String? = nil, roleID: String? = nil, duration: AccessDuration? = nil) {
        self.userID = userID
        self.appID = appID
        self.roleID = roleID
        self.duration = duration
    }

    enum CodingKeys: String, CodingKey { case userID = "user_id", appID = "app_id", roleID = "role_id", duration }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(userID, forKey: .userID)
        try container.encode(appID, forKey: .appID)
        try container.encode(roleID, forKey: .roleID)
        try container.encode(duration, forKey: .duration)
    }
}

/// A mention the directory does not know, with the entity it most resembles when one clearly does.
public struct UnknownMention: Codable, Sendable, Equatable {
    public var slot: RequestSlot
    public var text: String
    public var suggestion: String?

    public init(slot: RequestSlot, text: String, suggestion: String?) {
        self.slot = slot
        self.text = text
        self.suggestion = suggestion
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slot, forKey: .slot)
        try container.encode(text, forKey: .text)
        try container.encode(suggestion, forKey: .suggestion)
    }
}

/// A question back to the requester when a mention fits several entities or a slot is empty.
public struct ClarifyingQuestion: Codable, Sendable, Equatable {
    public struct Candidate: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
    }

    public var slot: RequestSlot
    public var text: String
    public var candidates: [Candidate]
    /// Several entities fit one mention: no decision until the requester picks one.
    public var isAmbiguity: Bool

    enum CodingKeys: String, CodingKey { case slot, text, candidates, isAmbiguity = "ambiguous" }
}

/// How the reader understood a request, before any check runs.
public struct RequestReading: Sendable, Equatable {
    public var entities = AccessEntities()
    public var missing: [RequestSlot] = []
    public var unknown: [UnknownMention] = []
    public var question: ClarifyingQuestion?
    /// The role named is in another application than the one named: reported as `role_not_in_app`.
    public var roleOutsideApplication = false
    /// What the text tried beyond asking (instructions, claims of approval…), as kinds with the text quoted.
    public var injections: [InjectionNote] = []
    /// How each slot was read, for the explanation shown with the answer.
    public var notes: [String] = []
    public var confidence = 1.0

    public init() {}
}

public struct InjectionNote: Codable, Sendable, Equatable {
    public var kind: String
    public var text: String
}

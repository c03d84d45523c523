/// An application people ask access to, known by its name, its id and its aliases ("SFDC").
public struct DirectoryApplication: Codable, Sendable, Equatable {
    public var appID: String
    public var name: String
    public var aliases: [String]
    /// The `user_id` who approves for the application when a policy routes to its owner.
    public var owner: String?

    public init(appID: String, name: String, aliases: [String] = [], owner: String? = nil) {
        self.appID = appID
        self.name = name
        self.aliases = aliases
        self.owner = owner
    }

    enum CodingKeys: String, CodingKey { case appID = "app_id", name, aliases, owner }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appID = try container.decode(String.self, forKey: .appID)
        name = try container.decode(String.self, forKey: .name)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        owner = try container.decodeIfPresent(String.self, forKey: .owner).flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A role inside one application, with the roles it needs first and the roles it must never be held with.
public struct DirectoryRole: Codable, Sendable, Equatable {
    public enum Sensitivity: String, Codable, Sendable, CaseIterable, Comparable {
        case low, medium, high

        public static func < (left: Sensitivity, right: Sensitivity) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }
    }

    public var roleID: String
    public var appID: String
    public var name: String
    public var aliases: [String]
    /// `role_id`s the user must already hold.
    public var prerequisites: [String]
    /// `role_id`s that must not be held together with this one (separation of duties); the check reads
    /// both sides, so a conflict declared on either role counts.
    public var sodConflicts: [String]
    public var sensitivity: Sensitivity

    public init(roleID: String, appID: String, name: String, aliases: [String] = [], prerequisites: [String] = [],
                sodConflicts: [String] = [], sensitivity: Sensitivity = .low) {
        self.roleID = roleID
        self.appID = appID
        self.name = name
        self.aliases = aliases
        self.prerequisites = prerequisites
        self.sodConflicts = sodConflicts
        self.sensitivity = sensitivity
    }

    enum CodingKeys: String, CodingKey {
        case roleID = "role_id", appID = "app_id", name, aliases, prerequisites, sodConflicts = "sod_conflicts", sensitivity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        roleID = try container.decode(String.self, forKey: .roleID)
        appID = try container.decode(String.self, forKey: .appID)
        name = try container.decode(String.self, forKey: .name)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        prerequisites = try container.decodeIfPresent([String].self, forKey: .prerequisites) ?? []
        sodConflicts = try container.decodeIfPresent([String].self, forKey: .sodConflicts) ?? []
        sensitivity = try container.decodeIfPresent(Sensitivity.self, forKey: .sensitivity) ?? .low
    }
}

/// What an import changed, per kind: the ids added, updated and removed.
public struct DirectoryChanges: Codable, Sendable, Equatable {
    public struct Kind: Codable, Sendable, Equatable {
        public var added: [String] = []
        public var updated: [String] = []
        public var removed: [String] = []
        public var unchanged = 0
    }

    public var users = Kind()
    public var applications = Kind()
    public var roles = Kind()
    public var userRoles = Kind()
    public var policies = Kind()
    /// References to what the directory does not hold, kept as they are ("users[3].manager: no user \"u9\"").
    public var warnings: [String] = []

    enum CodingKeys: String, CodingKey { case users, applications, roles, userRoles = "user_roles", policies, warnings }

    public var isEmpty: Bool {
        [users, applications, roles, userRoles, policies].allSatisfy { $0.added.isEmpty && $0.updated.isEmpty && $0.removed.isEmpty }
    }

    public init(from old: DirectoryDocument, to new: DirectoryDocument) {
        users = Self.compare(old.users, new.users, id: \.userID)
        applications = Self.compare(old.applications, new.applications, id: \.appID)
        roles = Self.compare(old.roles, new.roles, id: \.roleID)
        userRoles = Self.compare(old.userRoles.filter { $0.expiresAt == nil }, new.userRoles, id: { "\($0.userID):\($0.roleID)" })
        policies = Self.compare(old.policies, new.policies, id: \.policyID)
    }

    private static func compare<T: Equatable>(_ old: [T], _ new: [T], id: (T) -> String) -> Kind {
        var kind = Kind()
        let before = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(id))
        for item in new {
            switch before[id(item)] {
            case nil: kind.added.append(id(item))
            case let previous? where previous != item: kind.updated.append(id(item))
            default: kind.unchanged += 1
            }
        }
        kind.removed = old.map(id).filter { !after.contains($0) }
        return kind
    }
}

/// Who is acting: the signed-in user and the groups that decide what they may touch.
/// Use cases receive it explicitly, and every query of user-owned data is scoped by `userID`.
public struct Actor: Sendable, Equatable {
    public var userID: String
    public var groups: Set<UserGroup>

    public init(userID: String, groups: Set<UserGroup>) {
        self.userID = userID
        self.groups = groups
    }

    public var isAdmin: Bool { groups.contains(.admin) }
}

/// The groups of the identity service, carried in access tokens (as `cognito:groups` does).
public enum UserGroup: String, Sendable, CaseIterable, Codable, Comparable {
    case candidate, employer, admin, reviewer

    public static func < (left: UserGroup, right: UserGroup) -> Bool { left.rawValue < right.rawValue }
}

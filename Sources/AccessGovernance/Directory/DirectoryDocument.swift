/// The whole directory as one JSON document: what `wayfinder access import` reads and export writes.
public struct DirectoryDocument: Codable, Sendable, Equatable {
    public var users: [DirectoryUser]
    public var applications: [DirectoryApplication]
    public var roles: [DirectoryRole]
    public var userRoles: [RoleAssignment]
    public var policies: [AccessPolicy]

    public init(users: [DirectoryUser] = [], applications: [DirectoryApplication] = [], roles: [DirectoryRole] = [],
                userRoles: [RoleAssignment] = [], policies: [AccessPolicy] = []) {
        self.users = users
        self.applications = applications
        self.roles = roles
        self.userRoles = userRoles
        self.policies = policies
    }

    enum CodingKeys: String, CodingKey { case users, applications, roles, userRoles = "user_roles", policies }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        users = try container.decodeIfPresent([DirectoryUser].self, forKey: .users) ?? []
        applications = try container.decodeIfPresent([DirectoryApplication].self, forKey: .applications) ?? []
        roles = try container.decodeIfPresent([DirectoryRole].self, forKey: .roles) ?? []
        userRoles = try container.decodeIfPresent([RoleAssignment].self, forKey: .userRoles) ?? []
        policies = try container.decodeIfPresent([AccessPolicy].self, forKey: .policies) ?? []
    }
}

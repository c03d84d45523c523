/// The enforceable part of a policy. A `deny` rule refuses the roles it targets unless every
/// condition of `allow_if` holds; a `route` rule never refuses, it only adds approvers.
///
///     {"effect": "deny", "sensitivity": ["high"],
///      "allow_if": {"duration_days_at_most": 30, "permanent": false}, "approval": ["manager", "it"]}
public struct PolicyRule: Codable, Sendable, Equatable {
    public enum Effect: String, Codable, Sendable { case deny, route }

    public var effect: Effect
    /// Targets: the rule applies to a request whose role is listed, whose sensitivity is listed, whose
    /// application is listed, or to every request with `all_roles`.
    public var roles: [String]
    public var sensitivity: [DirectoryRole.Sensitivity]
    public var applications: [String]
    public var allRoles: Bool
    public var allowIf: AllowConditions?
    /// Who approves what the rule lets through.
    public var approval: [Approver]

    public init(effect: Effect, roles: [String] = [], sensitivity: [DirectoryRole.Sensitivity] = [], applications: [String] = [],
                allRoles: Bool = false, allowIf: AllowConditions? = nil, approval: [Approver] = []) {
        self.effect = effect
        self.roles = roles
        self.sensitivity = sensitivity
        self.applications = applications
        self.allRoles = allRoles
        self.allowIf = allowIf
        self.approval = approval
    }

    enum CodingKeys: String, CodingKey {
        case effect, roles, sensitivity, applications = "apps", allRoles = "all_roles", allowIf = "allow_if", approval
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        effect = try container.decode(Effect.self, forKey: .effect)
        roles = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        sensitivity = try container.decodeIfPresent([DirectoryRole.Sensitivity].self, forKey: .sensitivity) ?? []
        applications = try container.decodeIfPresent([String].self, forKey: .applications) ?? []
        allRoles = try container.decodeIfPresent(Bool.self, forKey: .allRoles) ?? false
        allowIf = try container.decodeIfPresent(AllowConditions.self, forKey: .allowIf)
        approval = try container.decodeIfPresent([Approver].self, forKey: .approval) ?? []
        if !allRoles && roles.isEmpty && sensitivity.isEmpty && applications.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .roles, in: container,
                                                   debugDescription: "a rule targets roles, sensitivity, apps or all_roles")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(effect, forKey: .effect)
        if !roles.isEmpty { try container.encode(roles, forKey: .roles) }
        if !sensitivity.isEmpty { try container.encode(sensitivity, forKey: .sensitivity) }
        if !applications.isEmpty { try container.encode(applications, forKey: .applications) }
        if allRoles { try container.encode(true, forKey: .allRoles) }
        try container.encodeIfPresent(allowIf, forKey: .allowIf)
        if !approval.isEmpty { try container.encode(approval, forKey: .approval) }
    }

    /// Whether the rule speaks about a request for `role`.
    func targets(_ role: DirectoryRole) -> Bool {
        allRoles || roles.contains(role.roleID) || sensitivity.contains(role.sensitivity) || applications.contains(role.appID)
    }
}

/// Who must approve a request before it is granted.
public enum Approver: String, Codable, Sendable, CaseIterable, Comparable {
    case manager
    case appOwner = "app_owner"
    case it

    public static func < (left: Approver, right: Approver) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }

    /// An approver group Wayfinder does not know ("compliance", "security") goes to IT, who can act for
    /// any group, rather than refusing the whole directory.
    public init(from decoder: any Decoder) throws {
        self = Approver(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .it
    }
}

/// One failing check, with exactly what failed.
public struct AccessReason: Codable, Sendable, Equatable {
    /// The checks, in the order they run and are reported.
    public enum Code: String, Codable, Sendable, CaseIterable {
        case unknownEntity = "unknown_entity"
        case missingSlot = "missing_slot"
        case userInactive = "user_inactive"
        case roleNotInApp = "role_not_in_app"
        case alreadyAssigned = "already_assigned"
        case missingPrerequisite = "missing_prerequisite"
        case sodConflict = "sod_conflict"
        case policyViolation = "policy_violation"
    }

    public var code: Code
    public var detail: String
    public var policyIDs: [String]?
    public var missingPrerequisites: [String]?
    public var conflictingRoles: [String]?

    public init(code: Code, detail: String, policyIDs: [String]? = nil, missingPrerequisites: [String]? = nil,
                conflictingRoles: [String]? = nil) {
        self.code = code
        self.detail = detail
        self.policyIDs = policyIDs
        self.missingPrerequisites = missingPrerequisites
        self.conflictingRoles = conflictingRoles
    }

    enum CodingKeys: String, CodingKey {
        case code, detail, policyIDs = "policy_ids", missingPrerequisites = "missing_prerequisites", conflictingRoles = "conflicting_roles"
    }
}

/// VALID when no check fails.
public enum AccessDecision: String, Codable, Sendable { case valid = "VALID", invalid = "INVALID" }

import Foundation

/// A role a user holds: imported with the directory, or granted by an approved request (then it may expire).
public struct RoleAssignment: Codable, Sendable, Equatable, Hashable {
    public var userID: String
    public var roleID: String
    /// When a time-bound grant ends; `nil` for standing access.
    public var expiresAt: Date?
    /// The request whose approval granted the role; nil for an imported assignment.
    public var grantedBy: String?

    public var isGrant: Bool { grantedBy != nil }

    public init(userID: String, roleID: String, expiresAt: Date? = nil, grantedBy: String? = nil) {
        self.userID = userID
        self.roleID = roleID
        self.expiresAt = expiresAt
        self.grantedBy = grantedBy
    }

    enum CodingKeys: String, CodingKey { case userID = "user_id", roleID = "role_id", expiresAt = "expires_at", grantedBy = "request_id" }
}

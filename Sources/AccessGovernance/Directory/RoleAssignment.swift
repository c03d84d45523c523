import Foundation

/// A role a user holds: imported with the directory, or granted by an approved request (then it may expire).
public struct RoleAssignment: Codable, Sendable, Equatable, Hashable {
    public var userID: String
    public var roleID: String
    /// When a time-bound grant ends; `nil` for standing access.
    public var expiresAt: Date?

    public init(userID: String, roleID: String, expiresAt: Date? = nil) {
        self.userID = userID
        self.roleID = roleID
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey { case userID = "user_id", roleID = "role_id", expiresAt = "expires_at" }
}

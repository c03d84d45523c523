import Foundation

/// What must all hold for a `deny` rule to let a request through. Absent conditions do not apply.
public struct AllowConditions: Codable, Sendable, Equatable {
    public var userDepartmentIn: [String]?
    public var userEmploymentTypeNotIn: [DirectoryUser.EmploymentType]?
    public var userIsPeopleManager: Bool?
    public var requesterIsActive: Bool?
    public var durationDaysAtMost: Int?
    /// `false` refuses standing access: the request must name a duration.
    public var permanent: Bool?
    /// At least one of these must hold.
    public var any: [RequesterCondition]?

    public init(userDepartmentIn: [String]? = nil, userEmploymentTypeNotIn: [DirectoryUser.EmploymentType]? = nil,
                userIsPeopleManager: Bool? = nil, requesterIsActive: Bool? = nil, durationDaysAtMost: Int? = nil,
                permanent: Bool? = nil, any: [RequesterCondition]? = nil) {
        self.userDepartmentIn = userDepartmentIn
        self.userEmploymentTypeNotIn = userEmploymentTypeNotIn
        self.userIsPeopleManager = userIsPeopleManager
        self.requesterIsActive = requesterIsActive
        self.durationDaysAtMost = durationDaysAtMost
        self.permanent = permanent
        self.any = any
    }

    enum CodingKeys: String, CodingKey {
        case userDepartmentIn = "user_department_in", userEmploymentTypeNotIn = "user_employment_type_not_in"
        case userIsPeopleManager = "user_is_people_manager", requesterIsActive = "requester_is_active"
        case durationDaysAtMost = "duration_days_at_most", permanent, any
    }
}

/// One alternative of `allow_if.any`, written as a string: `requester_is_user`,
/// `requester_is_direct_manager`, or `requester_department_in:IT` (departments separated by commas).
public enum RequesterCondition: Codable, Sendable, Equatable {
    case requesterIsUser
    case requesterIsDirectManager
    case requesterDepartmentIn([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let condition = RequesterCondition(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown condition \"\(text)\"")
        }
        self = condition
    }

    public init?(_ text: String) {
        switch text {
        case "requester_is_user": self = .requesterIsUser
        case "requester_is_direct_manager": self = .requesterIsDirectManager
        default:
            let prefix = "requester_department_in:"
            guard text.hasPrefix(prefix) else { return nil }
            let departments = text.dropFirst(prefix.count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !departments.isEmpty else { return nil }
            self = .requesterDepartmentIn(departments)
        }
    }

    public var text: String {
        switch self {
        case .requesterIsUser: "requester_is_user"
        case .requesterIsDirectManager: "requester_is_direct_manager"
        case .requesterDepartmentIn(let departments): "requester_department_in:" + departments.joined(separator: ",")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

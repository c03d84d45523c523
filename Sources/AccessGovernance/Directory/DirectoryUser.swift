/// A person in the company directory; linked to a Wayfinder account by email.
public struct DirectoryUser: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable { case active, inactive, suspended }
    public enum EmploymentType: String, Codable, Sendable, CaseIterable { case employee, contractor, intern }

    public var userID: String
    public var name: String
    public var email: String
    public var status: Status
    public var department: String
    /// The `user_id` of the direct manager, when the person has one.
    public var manager: String?
    public var employmentType: EmploymentType
    public var title: String

    public init(userID: String, name: String, email: String, status: Status = .active, department: String = "", manager: String? = nil,
                employmentType: EmploymentType = .employee, title: String = "") {
        self.userID = userID
        self.name = name
        self.email = email
        self.status = status
        self.department = department
        self.manager = manager
        self.employmentType = employmentType
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", name, email, status, department, manager, employmentType = "employment_type", title
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userID = try container.decode(String.self, forKey: .userID)
        name = try container.decode(String.self, forKey: .name)
        email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
        status = try container.decodeIfPresent(Status.self, forKey: .status) ?? .active
        department = try container.decodeIfPresent(String.self, forKey: .department) ?? ""
        manager = try container.decodeIfPresent(String.self, forKey: .manager).flatMap { $0.isEmpty ? nil : $0 }
        employmentType = try container.decodeIfPresent(EmploymentType.self, forKey: .employmentType) ?? .employee
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
    }
}

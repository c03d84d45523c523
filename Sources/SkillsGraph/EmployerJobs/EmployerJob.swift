import Foundation
import JobPostings

/// A job a company writes in Wayfinder: a draft until published, then a posting like any other
/// (searchable, matched), until closed.
public struct EmployerJob: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable { case draft, published, closed }

    /// Also the posting's `job_id` once published ("wayfinder#…").
    public var id: String
    public var companyID: String
    public var status: Status
    public var title: String
    public var description: String
    public var location: String
    public var remote: Bool
    public var employmentType: EmploymentType?
    /// Yearly, in `currency`.
    public var minSalary: Int?
    public var maxSalary: Int?
    public var currency: String?
    public var skills: [JobSkill]
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?
    public var closedAt: Date?

    public init(id: String, companyID: String, status: Status, title: String, description: String, location: String, remote: Bool,
                employmentType: EmploymentType?, minSalary: Int?, maxSalary: Int?, currency: String?, skills: [JobSkill],
                createdBy: String, createdAt: Date, updatedAt: Date, publishedAt: Date? = nil, closedAt: Date? = nil) {
        self.id = id
        self.companyID = companyID
        self.status = status
        self.title = title
        self.description = description
        self.location = location
        self.remote = remote
        self.employmentType = employmentType
        self.minSalary = minSalary
        self.maxSalary = maxSalary
        self.currency = currency
        self.skills = skills
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
        self.closedAt = closedAt
    }
}

/// A skill a job asks for: required or a plus, and the least verified level that counts as meeting it.
public struct JobSkill: Sendable, Equatable, Codable {
    public var skillID: String
    public var name: String
    public var required: Bool
    /// 1–3, as assessment levels.
    public var minimumLevel: Int

    public init(skillID: String, name: String, required: Bool, minimumLevel: Int) {
        self.skillID = skillID
        self.name = name
        self.required = required
        self.minimumLevel = minimumLevel
    }

    private enum CodingKeys: String, CodingKey { case skillID = "skill_id", name, required, minimumLevel = "minimum_level" }
}

public protocol EmployerJobRepository: Sendable {
    func insert(_ job: EmployerJob) async throws
    func update(_ job: EmployerJob) async throws
    /// The job if it belongs to `companyID`.
    func job(id: String, companyID: String) async throws -> EmployerJob?
    func job(id: String) async throws -> EmployerJob?
    func jobs(companyID: String) async throws -> [EmployerJob]
    /// Every published job of every company, for matching.
    func publishedJobs() async throws -> [EmployerJob]
}

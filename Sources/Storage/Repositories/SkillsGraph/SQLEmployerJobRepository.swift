import Foundation
import JobPostings
import SkillsGraph
import SQLKit

/// Company jobs over SQLKit; the skill list is one JSON array.
public struct SQLEmployerJobRepository: EmployerJobRepository {
    private let store: any SQLStore

    public init(store: any SQLStore) {
        self.store = store
    }

    public func insert(_ job: EmployerJob) async throws {
        let skills = try StoredJSON.encode(job.skills)
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO skill_company_jobs (id, company_id, status, title, description, location, remote, employment_type, min_salary,
                    max_salary, currency, skills, created_by, created_at, updated_at, published_at, closed_at)
                VALUES (\(bind: job.id), \(bind: job.companyID), \(bind: job.status.rawValue), \(bind: job.title), \(bind: job.description),
                        \(bind: job.location), \(bind: job.remote ? 1 : 0), \(bind: job.employmentType?.rawValue), \(bind: job.minSalary),
                        \(bind: job.maxSalary), \(bind: job.currency), \(bind: skills), \(bind: job.createdBy),
                        \(bind: Milliseconds.from(job.createdAt)), \(bind: Milliseconds.from(job.updatedAt)),
                        \(bind: job.publishedAt.map(Milliseconds.from)), \(bind: job.closedAt.map(Milliseconds.from)))
                """).run()
        }
    }

    public func update(_ job: EmployerJob) async throws {
        let skills = try StoredJSON.encode(job.skills)
        try await store.transaction { database in
            try await database.raw("""
                UPDATE skill_company_jobs SET status = \(bind: job.status.rawValue), title = \(bind: job.title),
                    description = \(bind: job.description), location = \(bind: job.location), remote = \(bind: job.remote ? 1 : 0),
                    employment_type = \(bind: job.employmentType?.rawValue), min_salary = \(bind: job.minSalary),
                    max_salary = \(bind: job.maxSalary), currency = \(bind: job.currency), skills = \(bind: skills),
                    updated_at = \(bind: Milliseconds.from(job.updatedAt)), published_at = \(bind: job.publishedAt.map(Milliseconds.from)),
                    closed_at = \(bind: job.closedAt.map(Milliseconds.from))
                WHERE id = \(bind: job.id) AND company_id = \(bind: job.companyID)
                """).run()
        }
    }

    public func job(id: String, companyID: String) async throws -> EmployerJob? {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_company_jobs WHERE id = \(bind: id) AND company_id = \(bind: companyID)").first().map(Self.job)
        }
    }

    public func job(id: String) async throws -> EmployerJob? {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_company_jobs WHERE id = \(bind: id)").first().map(Self.job)
        }
    }

    public func jobs(companyID: String) async throws -> [EmployerJob] {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_company_jobs WHERE company_id = \(bind: companyID) ORDER BY created_at DESC, id")
                .all().map(Self.job)
        }
    }

    public func publishedJobs() async throws -> [EmployerJob] {
        try await store.read { database in
            try await database.raw("SELECT * FROM skill_company_jobs WHERE status = 'published' ORDER BY id").all().map(Self.job)
        }
    }

    private static func job(_ row: any SQLRow) throws -> EmployerJob {
        EmployerJob(
            id: try row.decode(column: "id", as: String.self), companyID: try row.decode(column: "company_id", as: String.self),
            status: EmployerJob.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            title: try row.decode(column: "title", as: String.self), description: try row.decode(column: "description", as: String.self),
            location: try row.decode(column: "location", as: String.self), remote: try row.decode(column: "remote", as: Int64.self) != 0,
            employmentType: try row.decode(column: "employment_type", as: String?.self).flatMap(EmploymentType.init(rawValue:)),
            minSalary: try row.decode(column: "min_salary", as: Int?.self), maxSalary: try row.decode(column: "max_salary", as: Int?.self),
            currency: try row.decode(column: "currency", as: String?.self),
            skills: try StoredJSON.decode([JobSkill].self, try row.decode(column: "skills", as: String.self)),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: Milliseconds.date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Milliseconds.date(try row.decode(column: "updated_at", as: Int64.self)),
            publishedAt: try row.decode(column: "published_at", as: Int64?.self).map(Milliseconds.date),
            closedAt: try row.decode(column: "closed_at", as: Int64?.self).map(Milliseconds.date))
    }
}

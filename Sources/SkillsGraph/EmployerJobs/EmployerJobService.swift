import Domain
import Foundation
import JobPostings

/// Company jobs: drafts that members write, publish and close. A published job is stored as a
/// posting (searchable, its skills read by the index, `job.posted` emitted when it first becomes
/// searchable); the employer's own skill list, with required flags and minimum levels, is written
/// into its description so search reads the same skills the employer chose.
public struct EmployerJobService: Sendable {
    let repository: any EmployerJobRepository
    let companies: CompanyService
    let postings: JobSearchService
    let clock: any WallClock
    /// Skills the extractor reads in a text: the starting list of a job that names none itself.
    let extractSkills: @Sendable (String) -> [JobSkill]
    let resolveSkill: @Sendable (String) -> (id: String, name: String)?

    public init(repository: any EmployerJobRepository, companies: CompanyService, postings: JobSearchService, clock: any WallClock,
                extractSkills: @escaping @Sendable (String) -> [JobSkill], resolveSkill: @escaping @Sendable (String) -> (id: String, name: String)?) {
        self.repository = repository
        self.companies = companies
        self.postings = postings
        self.clock = clock
        self.extractSkills = extractSkills
        self.resolveSkill = resolveSkill
    }

    public static let provider = "wayfinder"

    public func create(actor: Actor, companyID: String, draft: EmployerJobDraft) async throws -> EmployerJob {
        _ = try await companies.company(actor: actor, id: companyID)
        let now = clock.now()
        var job = EmployerJob(id: "\(Self.provider)#\(UUID().uuidString.lowercased())", companyID: companyID, status: .draft, title: "",
                              description: "", location: "", remote: false, employmentType: nil, minSalary: nil, maxSalary: nil,
                              currency: nil, skills: [], createdBy: actor.userID, createdAt: now, updatedAt: now)
        try draft.apply(to: &job, creating: true, resolveSkill: resolveSkill)
        if draft.fields["skills"] == nil { job.skills = extractSkills(job.description) }
        try await repository.insert(job)
        return job
    }

    public func jobs(actor: Actor, companyID: String) async throws -> [EmployerJob] {
        _ = try await companies.company(actor: actor, id: companyID)
        return try await repository.jobs(companyID: companyID)
    }

    /// A job of a company the actor belongs to; 404 otherwise, whoever's job it is.
    public func job(actor: Actor, jobID: String) async throws -> EmployerJob {
        guard let job = try await repository.job(id: jobID) else { throw DomainError.notFound("No such job.") }
        _ = try await companies.company(actor: actor, id: job.companyID)
        return job
    }

    public func update(actor: Actor, jobID: String, draft: EmployerJobDraft) async throws -> EmployerJob {
        var job = try await job(actor: actor, jobID: jobID)
        guard job.status != .closed else { throw DomainError.conflict("A closed job cannot change.") }
        try draft.apply(to: &job, creating: false, resolveSkill: resolveSkill)
        job.updatedAt = clock.now()
        if job.status == .published { try await store(job, status: .open) }
        try await repository.update(job)
        return job
    }

    public func publish(actor: Actor, jobID: String) async throws -> EmployerJob {
        var job = try await job(actor: actor, jobID: jobID)
        guard job.status == .draft else { throw DomainError.conflict(job.status == .published ? "The job is published already." : "A closed job cannot be published again.") }
        let now = clock.now()
        job.status = .published
        job.publishedAt = now
        job.updatedAt = now
        try await store(job, status: .open)
        try await repository.update(job)
        return job
    }

    public func close(actor: Actor, jobID: String) async throws -> EmployerJob {
        var job = try await job(actor: actor, jobID: jobID)
        guard job.status == .published else { throw DomainError.conflict("Only a published job can be closed.") }
        let now = clock.now()
        job.status = .closed
        job.closedAt = now
        job.updatedAt = now
        try await store(job, status: .closed)
        try await repository.update(job)
        return job
    }

    /// Writes the job as a posting through the job service (validation, index, events).
    private func store(_ job: EmployerJob, status: PostingStatus) async throws {
        let company = try await companies.repository.company(id: job.companyID)
        var fields: [String: JSONValue] = [
            "job_id": .string(job.id), "provider_id": .string(Self.provider), "title": .string(job.title),
            "description": .string(Self.postedDescription(job)), "company": .string(company?.name ?? "Unknown company"),
            "location": .string(job.location), "remote": .bool(job.remote), "status": .string(status.rawValue),
            "posted_date": .string((job.publishedAt ?? clock.now()).formatted(.iso8601)),
        ]
        if let type = job.employmentType { fields["employment_type"] = .string(type.rawValue) }
        if let minimum = job.minSalary { fields["min_salary"] = .number(Double(minimum)) }
        if let maximum = job.maxSalary { fields["max_salary"] = .number(Double(maximum)) }
        if let currency = job.currency { fields["currency"] = .string(currency) }
        _ = try await postings.save(JobPostingDraft(fields: fields))
    }

    /// The description as published: the employer's text, then their skills, required first.
    static func postedDescription(_ job: EmployerJob) -> String {
        let required = job.skills.filter(\.required), plus = job.skills.filter { !$0.required }
        func line(_ skill: JobSkill) -> String {
            skill.minimumLevel > 1 ? "\(skill.name) (\(AssessmentQuestion.levelNames[skill.minimumLevel] ?? "") level)" : skill.name
        }
        var text = job.description
        if !required.isEmpty { text += "\n\nRequired skills: " + required.map(line).joined(separator: ", ") + "." }
        if !plus.isEmpty { text += "\n\nNice to have: " + plus.map(line).joined(separator: ", ") + "." }
        return text
    }
}

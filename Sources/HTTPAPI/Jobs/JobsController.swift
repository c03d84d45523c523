import CareerAgent
import Domain
import Foundation
import Hummingbird
import HummingbirdAuth
import JobPostings
import SkillsGraph

/// `/api/v1/jobs`: search, read one posting, create or update one.
struct JobsController<Context: AuthRequestContext<Caller>> {
    let service: JobSearchService
    /// Orders searches by match (`sort=match`) and explains one posting's match; needs a signed-in seeker.
    var matches: JobMatchService? = nil
    /// Company jobs: a body with `company_id` is an employer's draft, not a posting.
    var employerJobs: EmployerJobService? = nil
    /// Largest accepted body of a posting write.
    static var maximumBodySize: Int { 1_048_576 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("jobs", use: search)
        group.get("jobs/{id}", use: detail)
        group.get("jobs/{id}/match", use: match)
        group.post("jobs", use: save)
    }

    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        let query = try JobSearchParameters.parse(QueryParameters(rawQuery: request.uri.query))
        let results: JobSearchResults
        if query.sort == .match {
            guard let matches else { throw DomainError.badRequest("sort=match is not available here.") }
            guard case .user(let user)? = context.identity else {
                throw DomainError.unauthorized("sort=match orders postings by how well they fit you: sign in first.")
            }
            results = try await matches.search(actor: user.actor, query: query)
        } else {
            results = try await service.search(query)
        }
        return JobSearchJSON.response(results)
    }

    @Sendable func detail(_ request: Request, context: Context) async throws -> Response {
        let id = try JobIDParameter.read(context.parameters)
        var body = JobDetailBody(try await service.posting(jobID: id))
        body.otherSources = try await service.otherSources(of: id).map(OtherSourceBody.init)
        return try JSONResponse.make(body)
    }

    /// `GET /api/v1/jobs/{id}/match`: the signed-in seeker's score for one posting, with its parts.
    @Sendable func match(_ request: Request, context: Context) async throws -> Response {
        guard let matches else { throw DomainError.notFound("Job match is not available here.") }
        guard case .user(let user)? = context.identity else {
            throw DomainError.unauthorized("Sign in to see how well a posting fits you.")
        }
        let id = try JobIDParameter.read(context.parameters)
        let (posting, match, _) = try await matches.match(actor: user.actor, jobID: id)
        return try JSONResponse.make(JobMatchBody.json(match, jobID: posting.jobID))
    }

    @Sendable func save(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestBody.json(request, limit: Self.maximumBodySize)
        guard case .object(let fields) = body else {
            throw DomainError.badRequest("The body must be a JSON object describing one job posting.")
        }
        if let employerJobs, fields["company_id"] != nil {
            return try await saveDraft(fields, employerJobs: employerJobs, context: context)
        }
        _ = try context.requireAdmin()
        let (posting, created) = try await service.save(JobPostingDraft(fields: fields))
        var headers = HTTPFields()
        let escapedID = posting.jobID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? posting.jobID
        headers[.location] = "/api/v1/jobs/\(escapedID)"
        return try JSONResponse.make(JobDetailBody(posting), status: created ? .created : .ok, headers: headers)
    }

    /// `POST /api/v1/jobs` with `company_id`: a member of that company writes a draft job.
    private func saveDraft(_ fields: [String: JSONValue], employerJobs: EmployerJobService, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var reader = JSONFields(fields: fields)
        let companyID = reader.string("company_id", maximumLength: 100)
        reader.rejectUnknown(allowing: CompaniesController.jobFieldNames)
        try reader.check()
        let job = try await employerJobs.create(actor: caller.actor, companyID: companyID ?? "",
                                                draft: EmployerJobDraft(fields: fields.filter { $0.key != "company_id" }))
        return try JSONResponse.make(SkillsGraphRepresentation.job(job), status: .created,
                                     headers: [.location: EmployerJobsController.location(job.id)])
    }
}

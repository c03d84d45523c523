import Domain
import Foundation
import Hummingbird
import HummingbirdAuth
import JobPostings

/// `/api/v1/jobs`: search, read one posting, create or update one.
struct JobsController<Context: AuthRequestContext<Caller>> {
    let service: JobSearchService
    /// Largest accepted body of a posting write.
    static var maximumBodySize: Int { 1_048_576 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("jobs", use: search)
        group.get("jobs/{id}", use: detail)
        group.post("jobs", use: save)
    }

    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        let query = try JobSearchParameters.parse(QueryParameters(rawQuery: request.uri.query))
        let results = try await service.search(query)
        return try JSONResponse.make(JobSearchBody(
            jobs: results.hits.map(JobSummaryBody.init), total: results.total,
            facets: FacetsBody(results.facets), nextCursor: results.nextCursor
        ))
    }

    @Sendable func detail(_ request: Request, context: Context) async throws -> Response {
        // Ids contain '#' (provider#external_id), which clients must send as %23.
        let raw = try context.parameters.require("id")
        guard let id = raw.removingPercentEncoding else {
            throw DomainError.badRequest("The id is not valid percent-encoding.", fieldErrors: [FieldError(field: "id", message: "is not valid percent-encoding")])
        }
        var body = JobDetailBody(try await service.posting(jobID: id))
        body.otherSources = try await service.otherSources(of: id).map(OtherSourceBody.init)
        return try JSONResponse.make(body)
    }

    @Sendable func save(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let body = try await RequestBody.json(request, limit: Self.maximumBodySize)
        guard case .object(let fields) = body else {
            throw DomainError.badRequest("The body must be a JSON object describing one job posting.")
        }
        let (posting, created) = try await service.save(JobPostingDraft(fields: fields))
        var headers = HTTPFields()
        let escapedID = posting.jobID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? posting.jobID
        headers[.location] = "/api/v1/jobs/\(escapedID)"
        return try JSONResponse.make(JobDetailBody(posting), status: created ? .created : .ok, headers: headers)
    }
}

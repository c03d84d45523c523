import Accounts
import Domain
import Foundation
import Hummingbird
import HummingbirdAuth

/// `/api/v1/saved-jobs`: postings the signed-in user keeps (the web app's "save" button).
struct SavedJobsController {
    typealias Context = APIRequestContext
    let savedJobs: SavedJobService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("saved-jobs", use: list)
        group.put("saved-jobs/{id}", use: save)
        group.delete("saved-jobs/{id}", use: remove)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let saved = try await savedJobs.list(actor: caller.actor).map { entry in
            SavedJobBody(jobID: entry.posting.jobID, savedAt: entry.savedAt, title: entry.posting.title, company: entry.posting.company,
                         location: entry.posting.location, status: entry.posting.status.rawValue)
        }
        return try JSONResponse.make(["saved_jobs": saved])
    }

    /// Idempotent: saving a saved posting again changes nothing.
    @Sendable func save(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await savedJobs.save(actor: caller.actor, jobID: try Self.id(context))
        return Response(status: .noContent)
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await savedJobs.remove(actor: caller.actor, jobID: try Self.id(context))
        return Response(status: .noContent)
    }

    private static func id(_ context: Context) throws -> String { try JobIDParameter.read(context.parameters) }
}

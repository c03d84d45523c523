import Domain
import Foundation
import Hummingbird
import HummingbirdAuth
import JobPostings
import Platform

/// `/api/v1/admin/tasks`: the queue's counts and newest tasks, dead letters, and replaying them.
struct TasksController<Context: AuthRequestContext<Caller>> {
    let queue: any TaskQueue

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("admin/tasks", use: list)
        group.get("admin/tasks/dead", use: dead)
        group.post("admin/tasks/dead/replay", use: replayAll)
        group.post("admin/tasks/dead/{id}/replay", use: replay)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let limit = try Self.limit(request)
        let statistics = try await queue.statistics()
        return try JSONResponse.make(TaskListBody(
            tasks: try await queue.tasks(limit: limit).map(TaskBody.init),
            counts: ["queued": statistics.queued, "running": statistics.running, "done": statistics.done, "dead": statistics.dead]
        ))
    }

    @Sendable func dead(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        return try JSONResponse.make(["dead_letters": try await queue.deadLetters(limit: try Self.limit(request)).map(DeadLetterBody.init)])
    }

    @Sendable func replay(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        guard let id = Int64(try context.parameters.require("id")), id > 0 else {
            throw DomainError.badRequest("The id must be a positive integer.", fieldErrors: [FieldError(field: "id", message: "must be a positive integer")])
        }
        guard let taskID = try await queue.replay(deadLetterID: id) else { throw DomainError.notFound("No dead letter has the id \(id).") }
        return try JSONResponse.make(["task_id": taskID])
    }

    @Sendable func replayAll(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        return try JSONResponse.make(["replayed": try await queue.replayAll()])
    }

    static func limit(_ request: Request) throws -> Int {
        try QueryLimit.read(request, default: 50, maximum: 500)
    }
}

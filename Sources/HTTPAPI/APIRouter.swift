import Foundation
import Hummingbird
import JobPostings
import Platform

/// What the HTTP edge needs from the rest of the application.
public struct APIDependencies: Sendable {
    public var jobs: JobSearchService
    public var adminToken: AdminToken
    public var sources: JobSourceService
    public var tasks: any TaskQueue
    public var readiness: @Sendable () async -> Readiness

    public init(jobs: JobSearchService, sources: JobSourceService, tasks: any TaskQueue, adminToken: AdminToken,
                readiness: @escaping @Sendable () async -> Readiness) {
        self.jobs = jobs
        self.sources = sources
        self.tasks = tasks
        self.adminToken = adminToken
        self.readiness = readiness
    }
}

public typealias APIRequestContext = BasicRequestContext

/// Every route of the server, behind the problem middleware.
public func buildRouter(_ dependencies: APIDependencies) -> Router<APIRequestContext> {
    let router = Router(context: APIRequestContext.self)
    // One log line per request (with Hummingbird's request id), after errors became problems.
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ProblemMiddleware())
    HealthController(readiness: dependencies.readiness).addRoutes(to: router)
    let api = router.group("api/v1")
    JobsController(service: dependencies.jobs, adminToken: dependencies.adminToken).addRoutes(to: api)
    SourcesController(service: dependencies.sources, adminToken: dependencies.adminToken).addRoutes(to: api)
    TasksController(queue: dependencies.tasks, adminToken: dependencies.adminToken).addRoutes(to: api)
    OpenAPIController().addRoutes(to: api)
    return router
}

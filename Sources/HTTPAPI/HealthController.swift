import Hummingbird

/// `/health` says the process is up; `/ready` says it can serve: database reachable, schema current.
struct HealthController<Context: RequestContext> {
    let readiness: @Sendable () async -> Readiness

    func addRoutes(to router: Router<Context>) {
        router.get("health") { _, _ in try JSONResponse.make(["status": "ok"]) }
        router.get("ready") { _, _ in
            let state = await readiness()
            if state.isReady { return try JSONResponse.make(["status": "ready"]) }
            var problem = Problem(status: .serviceUnavailable, slug: "not-ready", detail: state.reason ?? "Not ready.")
            problem.headers["Retry-After"] = "5"
            return problem.response()
        }
    }
}

public struct Readiness: Sendable {
    public var isReady: Bool
    public var reason: String?

    public init(isReady: Bool, reason: String? = nil) {
        self.isReady = isReady
        self.reason = reason
    }
}

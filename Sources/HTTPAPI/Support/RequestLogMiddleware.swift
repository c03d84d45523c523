import Hummingbird
import Logging

/// One log line per request with its method, path, status and duration. The query string is left
/// out: it can carry secrets (an unsubscribe token, a TOTP code), and secrets are never logged.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        context.logger.log(level: level, "request", metadata: [
            "hb.request.method": .string(request.method.rawValue), "hb.request.path": .string(request.uri.path),
            "hb.response.status": .stringConvertible(response.status.code),
            "duration_ms": .stringConvertible(Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1_000 + Double(elapsed.components.seconds) * 1_000),
        ])
        return response
    }
}

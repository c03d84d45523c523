import Domain
import Hummingbird
import Logging

/// Turns every error a route throws into a problem response. Client mistakes keep their 4xx;
/// only a genuine fault becomes a 500, and then without internals in the body.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response()
        } catch let error as DomainError {
            return Problem(error).response()
        } catch let error as any HTTPResponseError {
            let status = error.status
            let slug = status == .notFound ? "not-found" : status.code == 413 ? "too-large" : "http-\(status.code)"
            let detail = status == .notFound ? "No route matches \(request.method) \(request.uri.path)." : status.reasonPhrase
            return Problem(status: status, slug: slug, detail: detail).response()
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(status: .internalServerError, slug: "internal", detail: "The server failed to handle this request.").response()
        }
    }
}

import Domain
import Hummingbird
import Platform

/// The limits of `RateLimitMiddleware`: per client address for anonymous requests (as the original
/// WAF rule: 100 a minute), per user, and per API key (each key's own rate).
public struct RateLimits: Sendable {
    public var anonymous: RateLimitRule
    public var user: RateLimitRule
    /// Servers behind one load balancer: each admits its share of every limit.
    public var processes: Int

    public init(anonymous: RateLimitRule = .perMinute(100), user: RateLimitRule = .perSecond(50), processes: Int = 1) {
        self.anonymous = anonymous
        self.user = user
        self.processes = processes
    }

    public static let unlimited = RateLimits(anonymous: .perSecond(1_000_000), user: .perSecond(1_000_000))
}

/// Admits or refuses each request by its caller's token bucket, and reports the bucket in
/// `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; a refusal is 429 with `Retry-After`.
/// Health checks are never limited (a load balancer polling them must not lock itself out), nor are
/// the web app's static files (a page's own stylesheet must not use up a visitor's requests), nor a
/// published message's media at its unguessable address (the networks fetch it from a few addresses
/// of their own, one fetch per post: a burst of posts must not turn into refused images).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let limits: RateLimits
    let buckets: TokenBuckets

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/health" || path == "/ready" || path.hasPrefix("/assets/") || path.hasPrefix("/media/") {
            return try await next(request, context)
        }
        let (key, rule): (String, RateLimitRule) = switch context.identity {
        case .apiKey(let apiKey)?: ("key:\(apiKey.id)", RateLimitRule.perSecond(apiKey.ratePerSecond))
        case .user(let user)?: ("user:\(user.actor.userID)", limits.user)
        case nil: ("address:\(context.clientAddress ?? "unknown")", limits.anonymous)
        }
        let decision = buckets.admit(key, rule: rule.dividedAmong(limits.processes))
        guard decision.allowed else {
            var problem = Problem(DomainError.tooManyRequests(
                "Too many requests. Try again in \(decision.retryAfterSeconds) seconds.", retryAfter: decision.retryAfterSeconds
            ))
            problem.headers["RateLimit-Limit"] = String(decision.limit)
            problem.headers["RateLimit-Remaining"] = "0"
            problem.headers["RateLimit-Reset"] = String(decision.resetSeconds)
            throw problem
        }
        var response = try await next(request, context)
        response.headers[.rateLimitLimit] = String(decision.limit)
        response.headers[.rateLimitRemaining] = String(decision.remaining)
        response.headers[.rateLimitReset] = String(decision.resetSeconds)
        return response
    }
}

import Accounts
import Domain
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Finds out who is calling: a bearer access token (Wayfinder's own or the identity provider's) or
/// an `X-API-Key`. Credentials that are sent but wrong end the request with 401; none at all leaves
/// the caller anonymous, for the routes that allow it to decide.
struct AuthenticationMiddleware: AuthenticatorMiddleware {
    typealias Context = APIRequestContext
    let identity: IdentityService
    let apiKeys: APIKeyService
    let proxies: TrustedProxies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = proxies.client(peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[.xForwardedFor])
        context.identity = try await authenticate(request: request, context: context)
        return try await next(request, context)
    }

    func authenticate(request: Request, context: Context) async throws -> Caller? {
        if let bearer = request.headers.bearer {
            return .user(try await identity.authenticate(bearer: bearer.token))
        }
        if let key = request.headers[.xAPIKey] {
            return .apiKey(try await apiKeys.authenticate(key))
        }
        return nil
    }
}

extension HTTPField.Name {
    static let xAPIKey = Self("X-API-Key")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let rateLimitReset = Self("RateLimit-Reset")!
}

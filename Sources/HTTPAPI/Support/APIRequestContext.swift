import Accounts
import Domain
import Hummingbird
import HummingbirdAuth
import NIOCore

/// Every request's context: who is calling (after `AuthenticationMiddleware`) and from where.
public struct APIRequestContext: AuthRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Caller?
    public let remoteAddress: SocketAddress?
    /// The client's address: the peer's, or the one a trusted proxy reports in `X-Forwarded-For`.
    public var clientAddress: String?
    /// The browser's CSRF token, for pages to put in their forms (set by the web app's session middleware).
    public var csrfToken: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// Who made a request: a signed-in user, or a search client with an API key.
public enum Caller: Sendable, Equatable {
    case user(Authenticated)
    case apiKey(APIKey)
}

extension AuthRequestContext where Identity == Caller {
    /// The signed-in user, or 401. An API key is not a sign-in: it is for search clients only.
    func requireUser() throws -> Authenticated {
        switch identity {
        case .user(let authenticated): return authenticated
        case .apiKey: throw DomainError.unauthorized("This route needs a signed-in user: send 'Authorization: Bearer <access token>'. API keys are for search.")
        case nil: throw DomainError.unauthorized("Sign in and send 'Authorization: Bearer <access token>'.")
        }
    }

    /// A signed-in member of the admin group: 401 when not signed in, 403 otherwise.
    func requireAdmin() throws -> Actor {
        let actor = try requireUser().actor
        guard actor.isAdmin else { throw DomainError.forbidden("Only administrators may do this.") }
        return actor
    }
}

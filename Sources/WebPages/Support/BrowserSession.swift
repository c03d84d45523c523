import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import HummingbirdAuth

/// The browser's side of the identity service: a session cookie holding the session's refresh token
/// (`HttpOnly`, `SameSite=Lax`, `Secure` over HTTPS), and a CSRF token every state-changing form
/// carries, checked against its cookie (double submit; an attacker's page can read neither).
struct BrowserSession: RouterMiddleware {
    typealias Context = APIRequestContext
    static let sessionCookie = "wf_session"
    static let csrfCookie = "wf_csrf"
    static let sessionLifetime = 30 * 86_400
    let identity: IdentityService
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var clearSession = false
        if context.identity == nil, let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty {
            if let user = try? await identity.authenticate(sessionToken: token) {
                context.identity = .user(user)
            } else {
                clearSession = true
            }
        }
        let existingCSRF = request.cookies[Self.csrfCookie].map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        context.csrfToken = existingCSRF ?? SecretToken.generate(bytes: 24)
        var response = try await next(request, context)
        if clearSession, response.headers[values: .setCookie].allSatisfy({ !$0.hasPrefix(Self.sessionCookie + "=") }) {
            response.setCookie(cookie(Self.sessionCookie, "", maxAge: 0))
        }
        if existingCSRF == nil, let token = context.csrfToken {
            response.setCookie(cookie(Self.csrfCookie, token, maxAge: nil))
        }
        return response
    }

    func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// Throws 403 unless the form's `csrf` field matches the browser's CSRF cookie.
    static func check(_ form: FormBody, request: Request) throws {
        try check(token: form["csrf"], request: request)
    }

    /// The same check for a token sent another way (a multipart upload's `csrf` part).
    static func check(token: String?, request: Request) throws {
        guard let cookie = request.cookies[csrfCookie]?.value, !cookie.isEmpty, let sent = token,
              ConstantTime.equals(cookie, sent)
        else {
            throw DomainError.forbidden("The form expired or came from another site. Reload the page and try again.")
        }
    }
}

import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/signin` (with the TOTP step), `/signup`, `/verify`, `/forgot`, `/reset`, `/signout`.
struct AuthPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("signin") { request, context in await signInForm(request, context) }
        group.post("signin", use: signIn)
        group.post("signin/totp", use: signInTOTP)
        group.get("signup") { request, context in await web.page("signup", ["csrf": context.csrfToken ?? ""], title: "Sign up", request, context) }
        group.post("signup", use: signUp)
        group.get("verify") { request, context in await tokenForm(.verify, request, context) }
        group.post("verify", use: verify)
        group.get("forgot") { request, context in await tokenForm(.forgot, request, context) }
        group.post("forgot", use: forgot)
        group.get("reset") { request, context in await tokenForm(.reset, request, context) }
        group.post("reset", use: reset)
        group.get("signout") { request, context in await web.page("signout", ["csrf": context.csrfToken ?? ""], title: "Sign out", request, context) }
        group.post("signout", use: signOut)
    }

    private func signInForm(_ request: Request, _ context: APIRequestContext, email: String = "", error: String? = nil,
                            status: HTTPResponse.Status = .ok) async -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        return await web.page("signin", ["csrf": context.csrfToken ?? "", "next": next, "email": email, "error": error as Any],
                              title: "Sign in", request, context, status: status)
    }

    @Sendable func signIn(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let email = form["email"] ?? "", next = Self.safeNext(form["next"])
        do {
            switch try await web.accounts.identity.signIn(email: email, password: form["password"] ?? "", address: context.clientAddress) {
            case .tokens(let pair):
                return signedIn(pair, next: next)
            case .totpChallenge(let token):
                return await web.page("totp", ["csrf": context.csrfToken ?? "", "next": next, "challengeToken": token],
                                      title: "Two-factor sign-in", request, context)
            }
        } catch let error as DomainError {
            return await web.page("signin", ["csrf": context.csrfToken ?? "", "next": next, "email": email, "error": Self.text(error)],
                                  title: "Sign in", request, context, status: Self.status(error))
        }
    }

    @Sendable func signInTOTP(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let next = Self.safeNext(form["next"]), challenge = form["challenge_token"] ?? ""
        do {
            let pair = try await web.accounts.identity.completeTOTPSignIn(challengeToken: challenge, code: form["code"] ?? "",
                                                                          address: context.clientAddress)
            return signedIn(pair, next: next)
        } catch let error as DomainError {
            return await web.page("totp", ["csrf": context.csrfToken ?? "", "next": next, "challengeToken": challenge, "error": Self.text(error)],
                                  title: "Two-factor sign-in", request, context, status: Self.status(error))
        }
    }

    /// The browser's session cookie holds the new session's refresh token; the browser never exchanges it.
    private func signedIn(_ pair: TokenPair, next: String) -> Response {
        var response = PageRenderer.redirect(to: next)
        response.setCookie(BrowserSession(identity: web.accounts.identity, secureCookies: web.dependencies.secureCookies)
            .cookie(BrowserSession.sessionCookie, pair.refreshToken, maxAge: BrowserSession.sessionLifetime))
        return response
    }

    @Sendable func signUp(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let name = form["name"] ?? "", email = form["email"] ?? ""
        do {
            try await web.accounts.identity.signUp(email: email, password: form["password"] ?? "", name: name, address: context.clientAddress)
            return PageRenderer.redirect(to: "/verify?notice=check-mail")
        } catch let error as DomainError {
            return await web.page("signup", ["csrf": context.csrfToken ?? "", "name": name, "email": email, "errors": Self.fieldErrors(error),
                                             "error": Self.text(error)], title: "Sign up", request, context, status: Self.status(error))
        }
    }

    @Sendable func verify(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        do {
            try await web.accounts.identity.verify(token: form["token"] ?? "", address: context.clientAddress)
            return PageRenderer.redirect(to: "/signin?notice=verified")
        } catch let error as DomainError {
            return await tokenForm(.verify, request, context, token: form["token"], error: Self.text(error), status: Self.status(error))
        }
    }

    @Sendable func forgot(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        do {
            try await web.accounts.identity.forgotPassword(email: form["email"] ?? "", address: context.clientAddress)
            return PageRenderer.redirect(to: "/signin?notice=reset-sent")
        } catch let error as DomainError {
            return await tokenForm(.forgot, request, context, error: Self.text(error), status: Self.status(error))
        }
    }

    @Sendable func reset(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        do {
            try await web.accounts.identity.resetPassword(token: form["token"] ?? "", password: form["password"] ?? "", address: context.clientAddress)
            var response = PageRenderer.redirect(to: "/signin?notice=password-reset")
            response.setCookie(BrowserSession(identity: web.accounts.identity, secureCookies: web.dependencies.secureCookies)
                .cookie(BrowserSession.sessionCookie, "", maxAge: 0))
            return response
        } catch let error as DomainError {
            let passwordError = Self.fieldErrors(error)["password"]
            return await tokenForm(.reset, request, context, token: form["token"], error: passwordError == nil ? Self.text(error) : nil,
                                   passwordError: passwordError, status: Self.status(error))
        }
    }

    @Sendable func signOut(_ request: Request, context: APIRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        if case .user(let user)? = context.identity {
            try await web.accounts.identity.signOut(sessionID: user.sessionID, refreshToken: nil)
        }
        var response = PageRenderer.redirect(to: "/?notice=signed-out")
        response.setCookie(BrowserSession(identity: web.accounts.identity, secureCookies: web.dependencies.secureCookies)
            .cookie(BrowserSession.sessionCookie, "", maxAge: 0))
        return response
    }

    enum TokenPage { case verify, forgot, reset }

    private func tokenForm(_ kind: TokenPage, _ request: Request, _ context: APIRequestContext, token: String? = nil, error: String? = nil,
                           passwordError: String? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        let token = token ?? request.uri.queryParameters.get("token") ?? ""
        var model: [String: Any] = ["csrf": context.csrfToken ?? "", "token": token, "error": error as Any, "passwordError": passwordError as Any]
        let title: String
        switch kind {
        case .verify:
            title = "Confirm your email"
            model.merge(["heading": title, "action": "/verify", "tokenField": true, "button": "Confirm",
                         "text": "Follow the link in the mail we sent, or paste its code here."]) { $1 }
        case .forgot:
            title = "Reset your password"
            model.merge(["heading": title, "action": "/forgot", "emailField": true, "button": "Send a reset link",
                         "text": "We will mail a link to reset the password, if the address has an account."]) { $1 }
        case .reset:
            title = "Choose a new password"
            model.merge(["heading": title, "action": "/reset", "tokenField": true, "passwordField": true, "button": "Set password",
                         "text": "At least 8 characters with upper- and lower-case letters, a digit and a symbol."]) { $1 }
        }
        return await web.page("token-form", model, title: title, request, context, status: status)
    }

    /// Only a path on this site: `next` must not send a user elsewhere after signing in.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return "/" }
        return next
    }

    static func text(_ error: DomainError) -> String {
        switch error {
        case .badRequest(let detail, let fields), .invalid(let detail, let fields):
            fields.isEmpty ? detail : detail + " " + fields.map { "\(Self.label($0.field)) \($0.message)." }.joined(separator: " ")
        case .unauthorized(let detail), .forbidden(let detail), .notFound(let detail), .conflict(let detail), .unavailable(let detail),
             .tooLarge(let detail), .unsupportedMediaType(let detail):
            detail
        case .tooManyRequests(let detail, _):
            detail
        }
    }

    /// Field → messages, for showing next to each field.
    static func fieldErrors(_ error: DomainError) -> [String: String] {
        switch error {
        case .badRequest(_, let fields), .invalid(_, let fields):
            Dictionary(grouping: fields, by: \.field).mapValues { "\(label($0[0].field).capitalizedFirst) " + $0.map(\.message).joined(separator: "; ") + "." }
        default: [:]
        }
    }

    static func label(_ field: String) -> String { field.replacingOccurrences(of: "_", with: " ") }

    /// The status the API answers for the same error, so a page and a route never disagree.
    static func status(_ error: DomainError) -> HTTPResponse.Status {
        HTTPResponse.Status(code: Problem(error).status)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

import Accounts
import Domain
import Foundation
import Hummingbird
import HummingbirdAuth
import JobPostings

/// `/api/v1/auth/*`: sign-up, verification, sign-in, sessions, passwords and TOTP.
struct AuthController {
    typealias Context = APIRequestContext
    let identity: IdentityService

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("auth/signup", use: signUp)
        group.post("auth/verify", use: verify)
        group.post("auth/verify/resend", use: resend)
        group.post("auth/signin", use: signIn)
        group.post("auth/signin/totp", use: signInTOTP)
        group.post("auth/refresh", use: refresh)
        group.post("auth/signout", use: signOut)
        group.post("auth/password/forgot", use: forgot)
        group.post("auth/password/reset", use: reset)
        group.post("auth/password/change", use: change)
        group.post("auth/mfa/totp", use: beginTOTP)
        group.post("auth/mfa/totp/confirm", use: confirmTOTP)
        group.delete("auth/mfa/totp", use: removeTOTP)
    }

    @Sendable func signUp(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let email = body.string("email", maximumLength: 254), password = body.string("password", maximumLength: 1_000)
        let name = body.string("name", maximumLength: 100)
        try body.check()
        try await identity.signUp(email: email!, password: password!, name: name!, address: context.clientAddress)
        return try JSONResponse.make(MessageBody(message: "Check your mailbox: we sent a link to confirm the address."), status: .created)
    }

    @Sendable func verify(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let token = body.string("token", maximumLength: 200)
        try body.check()
        try await identity.verify(token: token!, address: context.clientAddress)
        return try JSONResponse.make(MessageBody(message: "Your email address is confirmed. You can sign in."))
    }

    @Sendable func resend(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let email = body.string("email", maximumLength: 254)
        try body.check()
        try await identity.resendVerification(email: email!, address: context.clientAddress)
        return try JSONResponse.make(MessageBody(message: "If the account exists and is not confirmed yet, a new link is on its way."), status: .accepted)
    }

    @Sendable func signIn(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let email = body.string("email", maximumLength: 254), password = body.string("password", maximumLength: 1_000)
        try body.check()
        switch try await identity.signIn(email: email!, password: password!, address: context.clientAddress) {
        case .tokens(let pair): return try JSONResponse.make(TokenPairBody(pair: pair))
        case .totpChallenge(let token): return try JSONResponse.make(ChallengeBody(challengeToken: token))
        }
    }

    @Sendable func signInTOTP(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let token = body.string("challenge_token", maximumLength: 4_000), code = body.string("code", maximumLength: 40)
        try body.check()
        let pair = try await identity.completeTOTPSignIn(challengeToken: token!, code: code!, address: context.clientAddress)
        return try JSONResponse.make(TokenPairBody(pair: pair))
    }

    @Sendable func refresh(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let token = body.string("refresh_token", maximumLength: 200)
        try body.check()
        return try JSONResponse.make(TokenPairBody(pair: try await identity.refresh(token: token!)))
    }

    /// Ends the caller's session (bearer) and/or the session of the refresh token in the body.
    @Sendable func signOut(_ request: Request, context: Context) async throws -> Response {
        var refreshToken: String?
        if request.headers[.contentLength].map({ $0 != "0" }) ?? false || request.headers[.contentType] != nil {
            var body = try await JSONFields.read(request)
            refreshToken = body.string("refresh_token", required: false, maximumLength: 200)
            try body.check()
        }
        let sessionID: String? = if case .user(let user)? = context.identity { user.sessionID } else { nil }
        guard sessionID != nil || refreshToken != nil else {
            throw DomainError.unauthorized("Send the access token as a bearer token, or the refresh token in the body.")
        }
        try await identity.signOut(sessionID: sessionID, refreshToken: refreshToken)
        return Response(status: .noContent)
    }

    @Sendable func forgot(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let email = body.string("email", maximumLength: 254)
        try body.check()
        try await identity.forgotPassword(email: email!, address: context.clientAddress)
        return try JSONResponse.make(MessageBody(message: "If an account uses this address, a reset link is on its way."), status: .accepted)
    }

    @Sendable func reset(_ request: Request, context: Context) async throws -> Response {
        var body = try await JSONFields.read(request)
        let token = body.string("token", maximumLength: 200), password = body.string("password", maximumLength: 1_000)
        try body.check()
        try await identity.resetPassword(token: token!, password: password!, address: context.clientAddress)
        return try JSONResponse.make(MessageBody(message: "Your password is changed and every session was signed out. Sign in again."))
    }

    @Sendable func change(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var body = try await JSONFields.read(request)
        let current = body.string("current_password", maximumLength: 1_000), new = body.string("new_password", maximumLength: 1_000)
        try body.check()
        try await identity.changePassword(actor: caller.actor, sessionID: caller.sessionID, current: current!, new: new!,
                                          address: context.clientAddress)
        return try JSONResponse.make(MessageBody(message: "Your password is changed; every other session was signed out."))
    }

    @Sendable func beginTOTP(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let setup = try await identity.beginTOTP(actor: caller.actor)
        return try JSONResponse.make(["secret": setup.secret, "otpauth_uri": setup.otpauthURI])
    }

    @Sendable func confirmTOTP(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var body = try await JSONFields.read(request)
        let code = body.string("code", maximumLength: 40)
        try body.check()
        let codes = try await identity.confirmTOTP(actor: caller.actor, code: code!, address: context.clientAddress)
        return try JSONResponse.make(["recovery_codes": codes])
    }

    /// The current code comes in the body or as `?code=`, since some clients send no body with DELETE.
    @Sendable func removeTOTP(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var code = try QueryParameters(rawQuery: request.uri.query)["code"]
        if code == nil {
            var body = try await JSONFields.read(request)
            code = body.string("code", maximumLength: 40)
            try body.check()
        }
        try await identity.removeTOTP(actor: caller.actor, code: code ?? "", address: context.clientAddress)
        return Response(status: .noContent)
    }
}

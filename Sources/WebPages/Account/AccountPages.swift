import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/account`: profile, password, two-factor sign-in, API keys, export and deletion.
struct AccountPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("account") { request, context in try await signedIn(request, context) { user in await page(request, context, user) } }
        group.post("account/profile", use: saveProfile)
        group.post("account/password", use: changePassword)
        group.post("account/mfa", use: beginMFA)
        group.post("account/mfa/confirm", use: confirmMFA)
        group.post("account/mfa/remove", use: removeMFA)
        group.post("account/keys", use: createKey)
        group.post("account/keys/{id}/delete", use: deleteKey)
        group.get("account/export", use: export)
        group.post("account/delete", use: deleteAccount)
        SavedSearchPages(web: web).addRoutes(to: group)
    }

    /// Runs `body` for a signed-in user; others are sent to sign in and brought back.
    func signedIn(_ request: Request, _ context: APIRequestContext, _ body: (Authenticated) async throws -> Response) async throws -> Response {
        switch web.requireUser(request, context) {
        case .success(let user): return try await body(user)
        case .failure(let redirect): return redirect.response
        }
    }

    /// A signed-in form post with a valid CSRF token.
    func form(_ request: Request, _ context: APIRequestContext, _ body: (Authenticated, FormBody) async throws -> Response) async throws -> Response {
        try await signedIn(request, context) { user in
            let form = try await FormBody.read(request)
            try BrowserSession.check(form, request: request)
            return try await body(user, form)
        }
    }

    func page(_ request: Request, _ context: APIRequestContext, _ user: Authenticated, status: HTTPResponse.Status = .ok,
              adjust: (inout AccountPage) -> Void = { _ in }, formValues: [String: String]? = nil, fieldErrors: [String: String] = [:]) async -> Response {
        guard let (account, profile, mfa) = try? await web.accounts.profiles.profile(actor: user.actor) else {
            return PageRenderer.redirect(to: "/signin")
        }
        let keys = (try? await web.accounts.apiKeys.list(actor: user.actor)) ?? []
        var model = AccountPage(user: account, profile: profile, mfaEnabled: mfa, keys: keys, csrf: context.csrfToken ?? "",
                                formValues: formValues, fieldErrors: fieldErrors)
        adjust(&model)
        return await web.page("account", model, title: "Your account", request, context, status: status)
    }

    @Sendable func saveProfile(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, form in
            do {
                _ = try await web.accounts.profiles.update(actor: user.actor, change: try AccountPage.change(from: form))
                return PageRenderer.redirect(to: "/account?notice=profile-saved")
            } catch let error as DomainError {
                let values = Dictionary(uniqueKeysWithValues: ["name", "headline", "location", "remote_preference", "desired_salary",
                                                               "salary_currency", "skills", "career_stage"].map { ($0, form[$0] ?? "") })
                return await page(request, context, user, status: AuthPages.status(error), adjust: { $0.error = "The profile was not saved: fix the fields marked below." },
                                  formValues: values, fieldErrors: AuthPages.fieldErrors(error))
            }
        }
    }

    @Sendable func changePassword(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, form in
            do {
                try await web.accounts.identity.changePassword(actor: user.actor, sessionID: user.sessionID, current: form["current_password"] ?? "",
                                                               new: form["new_password"] ?? "", address: context.clientAddress)
                return PageRenderer.redirect(to: "/account?notice=password-changed")
            } catch let error as DomainError {
                let fields = AuthPages.fieldErrors(error)
                return await page(request, context, user, status: AuthPages.status(error)) { model in
                    model.passwordErrors = fields
                    if fields.isEmpty { model.error = AuthPages.text(error) }
                }
            }
        }
    }

    @Sendable func beginMFA(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, _ in
            do {
                let setup = try await web.accounts.identity.beginTOTP(actor: user.actor)
                let svg = (try? QRCode(encoding: setup.otpauthURI).svg(label: "QR code for your authenticator app")) ?? ""
                return await page(request, context, user) { $0.setup = AccountPage.Setup(secret: setup.secret, qrSVG: svg) }
            } catch let error as DomainError {
                return await page(request, context, user, status: AuthPages.status(error)) { $0.mfaError = AuthPages.text(error) }
            }
        }
    }

    @Sendable func confirmMFA(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, form in
            do {
                let codes = try await web.accounts.identity.confirmTOTP(actor: user.actor, code: form["code"] ?? "", address: context.clientAddress)
                return await page(request, context, user) { model in
                    model.recoveryCodes = codes
                    model.mfaEnabled = true
                }
            } catch let error as DomainError {
                // Show the same secret again: enrolment stays pending until a code matches.
                let setup = try? await web.accounts.identity.pendingTOTP(actor: user.actor)
                let svg = setup.flatMap { try? QRCode(encoding: $0.otpauthURI).svg(label: "QR code for your authenticator app") } ?? ""
                return await page(request, context, user, status: AuthPages.status(error)) { model in
                    model.mfaError = AuthPages.fieldErrors(error)["code"] ?? AuthPages.text(error)
                    if let setup { model.setup = AccountPage.Setup(secret: setup.secret, qrSVG: svg) }
                }
            }
        }
    }

    @Sendable func removeMFA(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, form in
            do {
                try await web.accounts.identity.removeTOTP(actor: user.actor, code: form["code"] ?? "", address: context.clientAddress)
                return PageRenderer.redirect(to: "/account?notice=mfa-off")
            } catch let error as DomainError {
                return await page(request, context, user, status: AuthPages.status(error)) {
                    $0.mfaError = AuthPages.fieldErrors(error)["code"] ?? AuthPages.text(error)
                }
            }
        }
    }

    @Sendable func createKey(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, form in
            do {
                let (_, secret) = try await web.accounts.apiKeys.create(actor: user.actor, name: form["name"], ratePerSecond: nil)
                return await page(request, context, user, status: .created) { $0.newKey = secret }
            } catch let error as DomainError {
                return await page(request, context, user, status: AuthPages.status(error)) {
                    $0.keyError = AuthPages.fieldErrors(error)["name"] ?? AuthPages.text(error)
                }
            }
        }
    }

    @Sendable func deleteKey(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, _ in
            try await web.accounts.apiKeys.delete(actor: user.actor, id: try context.parameters.require("id"))
            return PageRenderer.redirect(to: "/account?notice=key-deleted")
        }
    }

    @Sendable func export(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await signedIn(request, context) { user in
            // The same document as GET /api/v1/users/me/export.
            let export = try await web.accounts.profiles.export(actor: user.actor)
            let data = try AccountExportDocument.encode(export)
            return Response(status: .ok, headers: [
                .contentType: "application/json; charset=utf-8", .contentDisposition: "attachment; filename=\"wayfinder-export.json\"",
                .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    @Sendable func deleteAccount(_ request: Request, context: APIRequestContext) async throws -> Response {
        try await form(request, context) { user, form in
            guard form["confirm"] == "yes" else {
                return await page(request, context, user, status: .unprocessableContent) { $0.deleteError = "Tick the box to confirm." }
            }
            try await web.accounts.profiles.deleteAccount(actor: user.actor)
            var response = PageRenderer.redirect(to: "/?notice=signed-out")
            response.setCookie(BrowserSession(identity: web.accounts.identity, secureCookies: web.dependencies.secureCookies)
                .cookie(BrowserSession.sessionCookie, "", maxAge: 0))
            return response
        }
    }
}

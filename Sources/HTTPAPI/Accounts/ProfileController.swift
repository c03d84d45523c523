import Accounts
import Domain
import Foundation
import Hummingbird
import HummingbirdAuth

/// `/api/v1/users/me`: the signed-in user's account and profile, its deletion and its export.
struct ProfileController {
    typealias Context = APIRequestContext
    let profiles: ProfileService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("users/me", use: read)
        group.put("users/me", use: replace)
        group.patch("users/me", use: patch)
        group.delete("users/me", use: delete)
        group.get("users/me/export", use: export)
    }

    @Sendable func read(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let (user, profile, mfa) = try await profiles.profile(actor: caller.actor)
        return try JSONResponse.make(ProfileBody(user: user, profile: profile, mfaEnabled: mfa))
    }

    @Sendable func replace(_ request: Request, context: Context) async throws -> Response {
        try await update(request, context: context, replacing: true)
    }

    @Sendable func patch(_ request: Request, context: Context) async throws -> Response {
        try await update(request, context: context, replacing: false)
    }

    private func update(_ request: Request, context: Context, replacing: Bool) async throws -> Response {
        let caller = try context.requireUser()
        let body = try await JSONFields.read(request)
        // Account fields shown beside the profile are read-only here; naming them is not an error.
        let readOnly: Set<String> = ["id", "email", "groups", "email_verified", "mfa_enabled", "created_at", "updated_at"]
        let change = try ProfileChange.parse(body.fields.filter { !readOnly.contains($0.key) }, replacing: replacing)
        let (user, profile, mfa) = try await profiles.update(actor: caller.actor, change: change)
        return try JSONResponse.make(ProfileBody(user: user, profile: profile, mfaEnabled: mfa))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await profiles.deleteAccount(actor: caller.actor)
        return Response(status: .noContent)
    }

    @Sendable func export(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var headers = HTTPFields()
        headers[.contentDisposition] = "attachment; filename=\"wayfinder-export.json\""
        return try JSONResponse.make(ExportBody(export: try await profiles.export(actor: caller.actor)), headers: headers)
    }
}

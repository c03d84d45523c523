import Accounts
import Domain
import Foundation
import Hummingbird
import HummingbirdAuth

/// `/api/v1/api-keys`: a user's keys for search clients. The secret appears once, in the creation answer.
struct APIKeysController {
    typealias Context = APIRequestContext
    let keys: APIKeyService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("api-keys", use: list)
        group.post("api-keys", use: create)
        group.delete("api-keys/{id}", use: delete)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(["api_keys": try await keys.list(actor: caller.actor).map { APIKeyBody(key: $0) }])
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var body = try await JSONFields.read(request)
        body.rejectUnknown(allowing: ["name", "rate_limit_per_second"])
        let name = body.string("name", maximumLength: 1_000), rate = body.integer("rate_limit_per_second")
        try body.check()
        let (key, secret) = try await keys.create(actor: caller.actor, name: name, ratePerSecond: rate)
        var headers = HTTPFields()
        headers[.location] = "/api/v1/api-keys/\(key.id)"
        return try JSONResponse.make(APIKeyBody(key: key, secret: secret), status: .created, headers: headers)
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await keys.delete(actor: caller.actor, id: try context.parameters.require("id"))
        return Response(status: .noContent)
    }
}

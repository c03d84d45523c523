import Accounts
import Domain
import Foundation
import Hummingbird
import HummingbirdAuth
import JobPostings

/// `/api/v1/admin/users`: administrators list accounts, change their groups and disable them.
struct AdminUsersController {
    typealias Context = APIRequestContext
    let administration: UserAdministration

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("admin/users", use: list)
        group.patch("admin/users/{id}", use: change)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        _ = try context.requireAdmin()
        let parameters = try QueryParameters(rawQuery: request.uri.query)
        var limit = 20
        if let text = parameters["limit"] {
            guard let value = Int(text), (1...100).contains(value) else {
                throw DomainError.badRequest("The limit is not valid.", fieldErrors: [FieldError(field: "limit", message: "must be an integer from 1 to 100")])
            }
            limit = value
        }
        let cursor = parameters["cursor"].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
        let page = try await administration.list(limit: limit, cursor: cursor)
        return try JSONResponse.make(UserPageBody(
            users: page.users.map(AdminUserBody.init), nextCursor: page.nextCursor.map { Data($0.utf8).base64EncodedString() }
        ))
    }

    @Sendable func change(_ request: Request, context: Context) async throws -> Response {
        let actor = try context.requireAdmin()
        var body = try await JSONFields.read(request)
        body.rejectUnknown(allowing: ["groups", "disabled"])
        var groups: Set<UserGroup>?
        switch body.fields["groups"] {
        case .array(let items)?:
            var parsed: Set<UserGroup> = []
            for item in items {
                if case .string(let name) = item, let group = UserGroup(rawValue: name) { parsed.insert(group) }
                else { throw DomainError.badRequest("The groups are not valid.", fieldErrors: [FieldError(field: "groups", message: "must list candidate, employer or admin")]) }
            }
            groups = parsed
        case nil, .null?: break
        default: throw DomainError.badRequest("The groups are not valid.", fieldErrors: [FieldError(field: "groups", message: "must be a list of group names")])
        }
        let disabled = body.bool("disabled")
        try body.check()
        let user = try await administration.change(try context.parameters.require("id"),
                                                   UserAdministration.Change(groups: groups, disabled: disabled), by: actor)
        return try JSONResponse.make(AdminUserBody(user: user))
    }
}

struct UserPageBody: Encodable {
    var users: [AdminUserBody]
    var nextCursor: String?
    private enum CodingKeys: String, CodingKey { case users, nextCursor = "next_cursor" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(users, forKey: .users)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

import Accounts
import Domain
import Foundation
import Hummingbird
import HummingbirdAuth
import JobPostings

/// `/api/v1/searches`: saved searches and their alerts, and the unsubscribe link of alert mails.
struct SavedSearchesController {
    typealias Context = APIRequestContext
    let searches: SavedSearchService
    let unsubscribe: AlertUnsubscribe

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("searches", use: list)
        group.post("searches", use: create)
        // Before `{id}`: the link in a mail works without signing in (GET) and one-click (POST, RFC 8058).
        group.get("searches/unsubscribe", use: unsubscribeLink)
        group.post("searches/unsubscribe", use: unsubscribeLink)
        group.get("searches/{id}", use: read)
        group.put("searches/{id}", use: replace)
        group.delete("searches/{id}", use: delete)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(["searches": try await searches.list(actor: caller.actor).map(SavedSearchBody.init)])
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let search = try await searches.create(actor: caller.actor, input: try await Self.input(request))
        var headers = HTTPFields()
        headers[.location] = "/api/v1/searches/\(search.id)"
        return try JSONResponse.make(SavedSearchBody(search: search), status: .created, headers: headers)
    }

    @Sendable func read(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(SavedSearchBody(search: try await searches.search(actor: caller.actor, id: try context.parameters.require("id"))))
    }

    @Sendable func replace(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        _ = try await searches.search(actor: caller.actor, id: id)
        let search = try await searches.replace(actor: caller.actor, id: id, input: try await Self.input(request))
        return try JSONResponse.make(SavedSearchBody(search: search))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await searches.delete(actor: caller.actor, id: try context.parameters.require("id"))
        return Response(status: .noContent)
    }

    @Sendable func unsubscribeLink(_ request: Request, context: Context) async throws -> Response {
        guard let token = try QueryParameters(rawQuery: request.uri.query)["token"], !token.isEmpty else {
            throw DomainError.badRequest("The link has no token.", fieldErrors: [FieldError(field: "token", message: "is required")])
        }
        try await unsubscribe.unsubscribe(token: token)
        return try JSONResponse.make(MessageBody(message: "Alerts for this saved search are off. You can turn them on again in your saved searches."))
    }

    /// The query may come as a string (`"q=swift&remote=true"`) or as an object of parameters.
    private static func input(_ request: Request) async throws -> SavedSearchService.Input {
        var body = try await JSONFields.read(request)
        body.rejectUnknown(allowing: ["name", "query", "alert_enabled", "alert_frequency"])
        var query: String?
        switch body.fields["query"] {
        case .object(let parameters)?:
            query = parameters.sorted { $0.key < $1.key }.flatMap { name, value -> [String] in
                let values: [JSONValue] = if case .array(let items) = value { items } else { [value] }
                return values.map { item in
                    let text: String = switch item {
                    case .string(let string): string
                    case .number(let number): number.rounded() == number ? String(Int(number)) : String(number)
                    case .bool(let flag): flag ? "true" : "false"
                    default: ""
                    }
                    return "\(Self.encode(name))=\(Self.encode(text))"
                }
            }.joined(separator: "&")
        default:
            query = body.string("query", required: false, maximumLength: 4_000)
        }
        let input = SavedSearchService.Input(
            name: body.string("name", maximumLength: 1_000), query: query, alertEnabled: body.bool("alert_enabled"),
            alertFrequency: body.string("alert_frequency", required: false, maximumLength: 20)
        )
        try body.check()
        return input
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

import Domain
import Foundation
import Hummingbird
import Publishing

/// `/api/v1/channels`: where a user's messages go. Credentials go in, never come out.
struct ChannelsController {
    typealias Context = APIRequestContext
    let channels: ChannelService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("channels", use: list)
        group.post("channels", use: create)
        group.get("channels/{id}", use: show)
        group.patch("channels/{id}", use: update)
        group.delete("channels/{id}", use: remove)
        group.post("channels/{id}/test", use: test)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(JSONValue.object(["channels": .array(try await channels.channels(owner: caller.actor).map(PublishingRepresentation.channel))]))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = ChannelFields.lifted(try await JSONFields.read(request))
        let kindName = fields.string("kind", maximumLength: 20)
        let kind = kindName.flatMap(ChannelKind.init(rawValue:))
        if kindName != nil, kind == nil { fields.fail("kind", "must be one of " + ChannelKind.allCases.map(\.rawValue).joined(separator: ", ")) }
        let name = fields.string("name", required: false, maximumLength: 100)
        let settings = ChannelFields.settings(&fields) ?? ChannelSettings()
        let secrets = ChannelFields.secrets(&fields) ?? ChannelSecrets()
        fields.rejectUnknown(allowing: ["kind", "name", "settings", "credentials"])
        try fields.check()
        guard let kind else { throw DomainError.badRequest("kind is required") }
        let (channel, generated) = try await channels.create(kind: kind, name: name, settings: settings, secrets: secrets, owner: caller.actor)
        var body = PublishingRepresentation.channel(channel)
        // The one time the signing secret is shown: the receiver needs it to check signatures.
        if let generated, case .object(var object) = body {
            object["signing_secret"] = .string(generated)
            body = .object(object)
        }
        return try JSONResponse.make(body, status: .created, headers: [.location: "/api/v1/channels/\(channel.id)"])
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(PublishingRepresentation.channel(try await channels.channel(id: try context.parameters.require("id"), owner: caller.actor)))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        var fields = ChannelFields.lifted(try await JSONFields.read(request))
        let name = fields.string("name", required: false, maximumLength: 100)
        let settings = ChannelFields.settings(&fields)
        let secrets = ChannelFields.secrets(&fields)
        fields.rejectUnknown(allowing: ["name", "settings", "credentials"])
        try fields.check()
        let channel = try await channels.update(id: id, owner: caller.actor, name: name, settings: settings, secrets: secrets)
        return try JSONResponse.make(PublishingRepresentation.channel(channel))
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await channels.delete(id: try context.parameters.require("id"), owner: caller.actor)
        return Response(status: .noContent)
    }

    /// Asks the network; the answer is `200` either way, with `ok` and the network's words.
    @Sendable func test(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let result = try await channels.test(id: try context.parameters.require("id"), owner: caller.actor)
        return try JSONResponse.make(JSONValue.object([
            "ok": .bool(result.ok), "detail": .string(result.detail),
            "channel": result.channel.map(PublishingRepresentation.channel) ?? .null,
        ]))
    }
}

/// Reads a channel's `settings` and `credentials` objects, naming bad fields with their object's prefix.
enum ChannelFields {
    static let settingNames: Set<String> = ["base_url", "recipients", "url", "account", "from", "token_url"]
    static let credentialNames: Set<String> = ["webhook_url", "signing_secret", "access_token", "refresh_token", "client_id", "client_secret",
                                               "auth_token", "expires_at"]

    /// The body with settings and credentials sent at its top level (`{"kind": "slack", "webhook_url": …}`)
    /// moved into their objects, so a flat body means the same as a nested one.
    static func lifted(_ fields: JSONFields) -> JSONFields {
        var object = fields.fields
        for (group, names) in [("settings", settingNames), ("credentials", credentialNames)] {
            let flat = object.filter { names.contains($0.key) }
            guard !flat.isEmpty else { continue }
            var nested: [String: JSONValue] = [:]
            if case .object(let existing)? = object[group] { nested = existing } else if object[group] != nil { continue }
            for (name, value) in flat where nested[name] == nil {
                nested[name] = value
                object[name] = nil
            }
            object[group] = .object(nested)
        }
        return JSONFields(fields: object)
    }

    static func settings(_ fields: inout JSONFields) -> ChannelSettings? {
        guard let raw = fields.fields["settings"] else { return nil }
        guard case .object(let object) = raw else {
            fields.fail("settings", "must be an object")
            return nil
        }
        var inner = JSONFields(fields: object)
        var settings = ChannelSettings()
        settings.baseURL = inner.string("base_url", required: false, maximumLength: 2_000)
        settings.url = inner.string("url", required: false, maximumLength: 2_000)
        settings.account = inner.string("account", required: false, maximumLength: 300)
        settings.from = inner.string("from", required: false, maximumLength: 100)
        settings.tokenURL = inner.string("token_url", required: false, maximumLength: 2_000)
        if let recipients = object["recipients"] {
            if case .array(let items) = recipients, items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                settings.recipients = items.compactMap { if case .string(let value) = $0 { value.trimmingCharacters(in: .whitespaces) } else { nil } }
            } else if case .null = recipients {
            } else {
                inner.fail("recipients", "must be an array of strings")
            }
        }
        inner.rejectUnknown(allowing: ["base_url", "url", "account", "from", "token_url", "recipients"])
        for error in inner.errors { fields.fail("settings.\(error.field)", error.message) }
        return settings
    }

    static func secrets(_ fields: inout JSONFields) -> ChannelSecrets? {
        guard let raw = fields.fields["credentials"] else { return nil }
        guard case .object(let object) = raw else {
            fields.fail("credentials", "must be an object")
            return nil
        }
        var inner = JSONFields(fields: object)
        var secrets = ChannelSecrets()
        secrets.webhookURL = inner.string("webhook_url", required: false, maximumLength: 2_000)
        secrets.signingSecret = inner.string("signing_secret", required: false, maximumLength: 500)
        secrets.accessToken = inner.string("access_token", required: false, maximumLength: 4_000)
        secrets.refreshToken = inner.string("refresh_token", required: false, maximumLength: 4_000)
        secrets.clientID = inner.string("client_id", required: false, maximumLength: 500)
        secrets.clientSecret = inner.string("client_secret", required: false, maximumLength: 500)
        secrets.authToken = inner.string("auth_token", required: false, maximumLength: 500)
        if let expires = inner.string("expires_at", required: false, maximumLength: 40) {
            if let date = Timestamps.parse(expires) { secrets.expiresAt = date } else { inner.fail("expires_at", "must be an ISO-8601 date-time") }
        }
        inner.rejectUnknown(allowing: ["webhook_url", "signing_secret", "access_token", "refresh_token", "client_id", "client_secret",
                                       "auth_token", "expires_at"])
        for error in inner.errors { fields.fail("credentials.\(error.field)", error.message) }
        return secrets
    }
}

import Domain
import Foundation
import Hummingbird
import Publishing

/// `/api/v1/messages`: compose once, deliver to every channel, see and retry what each channel did.
struct MessagesController {
    typealias Context = APIRequestContext
    let messages: MessageService
    let channels: ChannelService
    let rewriter: MessageRewriter

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("messages", use: list)
        group.post("messages", use: create)
        group.post("messages/preview", use: preview)
        group.post("messages/retry", use: retryAll)
        group.post("messages/rewrite", use: rewrite)
        group.get("messages/{id}", use: show)
        group.patch("messages/{id}", use: update)
        group.delete("messages/{id}", use: remove)
        group.post("messages/{id}/retry", use: retry)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let query = request.uri.queryParameters
        var errors: [FieldError] = []
        var filter = Self.filter(status: query.get("status"), channel: query.get("channel"), from: query.get("from"), to: query.get("to"), errors: &errors)
        if let text = query.get("limit") {
            if let limit = Int(text), (1...100).contains(limit) { filter.limit = limit } else { errors.append(FieldError(field: "limit", message: "must be 1 to 100")) }
        }
        if let token = query.get("cursor") {
            if let cursor = MessageCursor(token: token) { filter.after = cursor } else { errors.append(FieldError(field: "cursor", message: "is not a cursor this server gave")) }
        }
        guard errors.isEmpty else { throw DomainError.badRequest("Some filters are invalid.", fieldErrors: errors) }
        let page = try await messages.messages(owner: caller.actor, filter: filter)
        let next = page.count == filter.limit ? page.last.map { MessageCursor(dueAt: $0.message.dueAt, id: $0.message.id).token } : nil
        return try JSONResponse.make(JSONValue.object([
            "messages": .array(page.map(PublishingRepresentation.message)), "next_cursor": next.map(JSONValue.string) ?? .null,
        ]))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let published = try await messages.create(try await Self.draft(request, requireChannels: true), owner: caller.actor)
        return try JSONResponse.make(PublishingRepresentation.message(published), status: .created,
                                     headers: [.location: "/api/v1/messages/\(published.message.id)"])
    }

    @Sendable func preview(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let versions = try await messages.preview(try await Self.draft(request, requireChannels: false), owner: caller.actor)
        return try JSONResponse.make(JSONValue.object(["versions": .array(versions.map(PublishingRepresentation.version))]))
    }

    /// `{title?, body, link?, channel}`: the language model's wording for one channel, fitted by the rules;
    /// 503 when no model is configured. Nothing is saved: send it back as that channel's override.
    @Sendable func rewrite(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request)
        let title = fields.string("title", required: false, maximumLength: 200)
        let body = fields.string("body", maximumLength: 10_000)
        let link = fields.string("link", required: false, maximumLength: 1_000)
        let channelID = fields.string("channel", maximumLength: 100)
        fields.rejectUnknown(allowing: ["title", "body", "link", "channel"])
        try fields.check()
        let channel = try await channels.channel(id: channelID ?? "", owner: caller.actor)
        let proposal = try await rewriter.propose(MessageContent(title: title, body: body ?? "", link: link), for: channel.kind)
        return try JSONResponse.make(PublishingRepresentation.version(ChannelVersion(channel: channel, adapted: proposal, overridden: false)))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(PublishingRepresentation.message(try await messages.message(id: try context.parameters.require("id"), owner: caller.actor)))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        let id = try context.parameters.require("id")
        let current = try await messages.message(id: id, owner: caller.actor)
        let draft = try await Self.draft(request, requireChannels: false, current: current)
        return try JSONResponse.make(PublishingRepresentation.message(try await messages.update(id: id, draft, owner: caller.actor)))
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        try await messages.delete(id: try context.parameters.require("id"), owner: caller.actor)
        return Response(status: .noContent)
    }

    @Sendable func retry(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        return try JSONResponse.make(PublishingRepresentation.message(try await messages.retry(id: try context.parameters.require("id"), owner: caller.actor)))
    }

    /// `{status?, channel?, from?, to?}`: every failed or dead delivery that matches and that a retry can help.
    @Sendable func retryAll(_ request: Request, context: Context) async throws -> Response {
        let caller = try context.requireUser()
        var fields = try await JSONFields.read(request, allowingEmpty: true)
        let status = fields.string("status", required: false, maximumLength: 20)
        if let status, status != "failed", status != "dead" { fields.fail("status", "must be failed or dead") }
        var errors: [FieldError] = []
        let filter = Self.filter(status: status, channel: fields.string("channel", required: false, maximumLength: 100),
                                 from: fields.string("from", required: false, maximumLength: 40), to: fields.string("to", required: false, maximumLength: 40),
                                 errors: &errors)
        for error in errors { fields.fail(error.field, error.message) }
        fields.rejectUnknown(allowing: ["status", "channel", "from", "to"])
        try fields.check()
        let retried = try await messages.retryAll(owner: caller.actor, filter: filter)
        return try JSONResponse.make(JSONValue.object([
            "retried": .number(Double(retried.count)), "deliveries": .array(retried.map(PublishingRepresentation.delivery)),
        ]))
    }

    static func filter(status: String?, channel: String?, from: String?, to: String?, errors: inout [FieldError]) -> MessageFilter {
        var filter = MessageFilter()
        if let status {
            if let value = DeliveryStatus(rawValue: status) { filter.status = value } else {
                errors.append(FieldError(field: "status", message: "must be one of " + DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        filter.channelID = channel
        for (field, text) in [("from", from), ("to", to)] {
            guard let text else { continue }
            guard let date = Timestamps.parse(text) else {
                errors.append(FieldError(field: field, message: "must be an ISO-8601 date or date-time"))
                continue
            }
            if field == "from" { filter.dueFrom = date } else { filter.dueBefore = date }
        }
        return filter
    }

    /// Reads a message; for a change, fields not sent keep their current values.
    static func draft(_ request: Request, requireChannels: Bool, current: PublishedMessage? = nil) async throws -> MessageDraft {
        var fields = try await JSONFields.read(request, limit: 256 * 1024)
        func strings(_ name: String) -> [String]? {
            guard let raw = fields.fields[name] else { return nil }
            guard case .array(let items) = raw else { fields.fail(name, "must be an array of ids"); return nil }
            var values: [String] = []
            for (index, item) in items.enumerated() {
                if case .string(let value) = item { values.append(value) } else { fields.fail("\(name)[\(index)]", "must be a string") }
            }
            return values
        }
        let message = current?.message
        var draft = MessageDraft(title: message?.title, body: message?.body ?? "", link: message?.link, mediaIDs: message?.mediaIDs ?? [],
                                 channelIDs: current?.deliveries.map(\.channelID) ?? [],
                                 overrides: Dictionary(uniqueKeysWithValues: (current?.deliveries ?? []).filter(\.overridden).map { ($0.channelID, $0.text) }),
                                 scheduledAt: message?.scheduledAt)
        if fields.fields["title"] != nil { draft.title = fields.string("title", required: false, maximumLength: 200) }
        if let body = fields.string("body", required: current == nil && requireChannels, maximumLength: 10_000) { draft.body = body }
        if fields.fields["link"] != nil { draft.link = fields.string("link", required: false, maximumLength: 1_000) }
        if let media = strings("media") { draft.mediaIDs = media }
        if let channels = strings("channels") { draft.channelIDs = channels } else if requireChannels, current == nil { fields.fail("channels", "is required") }
        if let raw = fields.fields["overrides"] {
            if case .object(let object) = raw {
                var overrides: [String: String] = [:]
                for (channel, value) in object {
                    if case .object(let override) = value, case .string(let body)? = override["body"] { overrides[channel] = body }
                    else if case .null = value {} else { fields.fail("overrides.\(channel)", "must be an object with a body") }
                }
                draft.overrides = overrides
            } else {
                fields.fail("overrides", "must be an object of channel id to {body}")
            }
        }
        if let raw = fields.fields["scheduled_at"] {
            if case .string(let text) = raw, let date = Timestamps.parse(text) { draft.scheduledAt = date }
            else if case .null = raw { draft.scheduledAt = nil }
            else { fields.fail("scheduled_at", "must be an ISO-8601 date-time") }
        }
        fields.rejectUnknown(allowing: ["title", "body", "link", "media", "channels", "overrides", "scheduled_at"])
        try fields.check()
        return draft
    }
}

import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import Publishing

/// `/publish/channels`: where messages go. Connect a channel, test it, give it new credentials when its
/// token expired, remove it. Credentials go in and are never shown again, except the signing secret
/// Wayfinder makes for a webhook, shown once on the page that answers the form.
struct ChannelPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("publish/channels", use: list)
        group.post("publish/channels", use: connect)
        group.post("publish/channels/{id}/test", use: test)
        group.post("publish/channels/{id}/reconnect", use: reconnect)
        group.post("publish/channels/{id}/delete", use: remove)
    }

    private var channels: ChannelService { web.dependencies.publishing.channels }
    private static let back = ("/publish/channels", "Your channels")

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await render(user: user, form: ChannelForm(), request, context)
    }

    private func render(user: Authenticated, form: ChannelForm, notice: String? = nil, created: (name: String, secret: String)? = nil,
                        _ request: Request, _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let rows = try await channels.channels(owner: user.actor).sorted { $0.name.lowercased() < $1.name.lowercased() }.map(Self.row)
        var model = form.model
        model["channels"] = rows
        model["hasChannels"] = !rows.isEmpty
        model["created"] = created != nil
        model["createdName"] = created?.name ?? ""
        model["signingSecret"] = created?.secret ?? ""
        model["script"] = web.publishScript
        return await web.publishPage("publish-channels", model, title: "Channels", notice: notice, request, context, status: status)
    }

    @Sendable func connect(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish/channels").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        var (form, settings, secrets) = ChannelForm.read(body)
        guard let kind = form.kind else {
            form.errors = FormErrors([FieldError(field: "kind", message: "choose one of the kinds listed")])
            return try await render(user: user, form: form, request, context, status: .unprocessableContent)
        }
        do {
            let (channel, generated) = try await channels.create(kind: kind, name: PublishText.nonEmpty(form.name), settings: settings,
                                                                  secrets: secrets, owner: user.actor)
            // The generated secret exists only in this answer: a redirect would have to carry it somewhere.
            if let generated {
                return try await render(user: user, form: ChannelForm(), notice: "“\(channel.name)” is connected.",
                                        created: (channel.name, generated), request, context)
            }
            return PageRenderer.redirect(to: "/publish/channels?notice=channel-connected")
        } catch DomainError.invalid(_, let fields), DomainError.badRequest(_, let fields) {
            form.errors = FormErrors(fields)
            return try await render(user: user, form: form, request, context, status: .unprocessableContent)
        }
    }

    /// Answers with the network's own words; they are not a fixed notice, so the page is the answer itself.
    @Sendable func test(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish/channels").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let result: ChannelTest
        do {
            result = try await channels.test(id: try context.parameters.require("id"), owner: user.actor)
        } catch DomainError.notFound {
            return await web.notFound("channel", back: Self.back, request, context)
        }
        let name = result.channel?.name ?? "the channel"
        let notice = result.ok ? "Test of “\(name)”: it works (\(result.detail))." : "Test of “\(name)” failed: \(result.detail)."
        return try await render(user: user, form: ChannelForm(), notice: notice, request, context)
    }

    @Sendable func reconnect(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish/channels").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let id = try context.parameters.require("id")
        do {
            let channel = try await channels.channel(id: id, owner: user.actor)
            guard let credential = PublishText.nonEmpty(body["credential"]) else { return PageRenderer.redirect(to: "/publish/channels") }
            _ = try await channels.update(id: id, owner: user.actor, name: nil, settings: nil,
                                          secrets: ChannelForm.reconnectSecrets(channel.kind, credential))
        } catch DomainError.notFound {
            return await web.notFound("channel", back: Self.back, request, context)
        } catch DomainError.invalid(_, let fields) {
            let reasons = fields.map { "The \($0.field) \($0.message)." }.joined(separator: " ")
            return await web.message("Not reconnected", reasons, link: Self.back, status: .unprocessableContent, request, context)
        }
        return PageRenderer.redirect(to: "/publish/channels?notice=channel-reconnected")
    }

    @Sendable func remove(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish/channels").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let id = try context.parameters.require("id")
        do {
            let channel = try await channels.channel(id: id, owner: user.actor)
            guard body["confirm"] == "yes" else {
                return await web.message("Not removed", "Tick the box to confirm that “\(channel.name)” should be removed.", link: Self.back,
                                         status: .badRequest, request, context)
            }
            try await channels.delete(id: id, owner: user.actor)
        } catch DomainError.notFound {
            return await web.notFound("channel", back: Self.back, request, context)
        }
        return PageRenderer.redirect(to: "/publish/channels?notice=channel-removed")
    }

    static func row(_ channel: Channel) -> [String: Any] {
        let settings = channel.settings
        let destination = [settings.recipients.joined(separator: ", "), settings.url ?? "", settings.account ?? "", settings.baseURL ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        let reconnect = ChannelForm.reconnectField(channel.kind)
        let expiry = channel.tokenExpiresAt
        return [
            "id": channel.id, "name": channel.name, "kind": PublishText.kind(channel.kind), "destination": destination,
            "status": PublishText.channelStatus(channel.status), "statusDetail": channel.statusDetail ?? "",
            "isExpired": channel.status == .expired, "isFailing": channel.status == .failing, "isConnected": channel.status == .connected,
            "tokenExpiry": expiry.map(PublishText.time) ?? "", "tokenLapsed": expiry.map { $0 < Date() } ?? false,
            "canReconnect": reconnect != nil, "reconnectLabel": reconnect?.label ?? "", "reconnectType": reconnect?.type ?? "password",
        ]
    }
}

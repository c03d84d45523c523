import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import Publishing

/// `/publish/compose`: write a message once, pick its channels, see each channel's version with its
/// counter (Preview, or live as you type where scripts run), and schedule it. The same form changes a
/// message that has not started going out (`/publish/messages/{id}/edit`).
struct ComposePages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("publish/compose", use: compose)
        group.post("publish/compose", use: create)
        group.post("publish/compose/preview", use: preview)
        group.get("publish/messages/{id}/edit", use: edit)
        group.post("publish/messages/{id}/edit", use: update)
    }

    private var publishing: PublishingAPI { web.dependencies.publishing }

    /// Where the form posts: a new message, or a change to one.
    private enum Target {
        case new
        case change(String)
    }

    @Sendable func compose(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        var form = MessageForm()
        if let id = request.uri.queryParameters.get("certification") {
            do {
                let announcement = try await publishing.certifications.announcement(id: id, owner: user.actor)
                form = MessageForm(title: announcement.title ?? "", body: announcement.body, link: announcement.link ?? "", source: "certification:\(id)")
            } catch DomainError.notFound {
                return await web.notFound("certification", back: ("/certifications", "Your certifications"), request, context)
            }
        }
        return try await render(user: user, form: form, versions: nil, target: .new, request, context)
    }

    @Sendable func edit(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let id = try context.parameters.require("id")
        switch try await unsent(id, user: user, request, context) {
        case .refused(let response): return response
        case .found(let published): return try await render(user: user, form: MessageForm(published), versions: nil, target: .change(id), request, context)
        }
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish/compose").response }
        return try await submit(request, context, user: user, target: .new)
    }

    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish").response }
        let id = try context.parameters.require("id")
        if case .refused(let response) = try await unsent(id, user: user, request, context) { return response }
        return try await submit(request, context, user: user, target: .change(id))
    }

    /// Previews (the Preview button) or saves; a mistake answers the form again with the input kept.
    private func submit(_ request: Request, _ context: APIRequestContext, user: Authenticated, target: Target) async throws -> Response {
        let body = try await FormBody.read(request, limit: 256 * 1_024)
        try BrowserSession.check(body, request: request)
        let channels = try await publishing.channels.channels(owner: user.actor)
        var form = MessageForm.read(body, channels: channels)
        form.source = try await ownSource(form.source, user: user) ?? ""
        let (draft, problems) = form.draft()
        if body["intent"] == "preview" {
            return try await render(user: user, form: form, versions: try await publishing.messages.preview(draft, owner: user.actor), target: target,
                                    request, context)
        }
        do {
            guard problems.isEmpty else { throw DomainError.invalid("the message cannot be sent as given", fieldErrors: []) }
            switch target {
            case .new:
                let published = try await publishing.messages.create(draft, owner: user.actor)
                return PageRenderer.redirect(to: "/publish/messages/\(published.message.id)?notice=message-scheduled")
            case .change(let id):
                _ = try await publishing.messages.update(id: id, draft, owner: user.actor)
                return PageRenderer.redirect(to: "/publish/messages/\(id)?notice=message-saved")
            }
        } catch DomainError.invalid(_, let fields) {
            form.errors = FormErrors(problems + fields)
            // The versions beside the errors show how far over each one is.
            let versions = try await publishing.messages.preview(draft, owner: user.actor)
            return try await render(user: user, form: form, versions: versions, target: target, request, context, status: .unprocessableContent)
        } catch DomainError.conflict {
            return await web.message("Not changed", "The message has started going out and can no longer change.",
                                     link: ("/publish", "Calendar"), status: .conflict, request, context)
        } catch DomainError.notFound {
            return await web.notFound("message", back: ("/publish", "Calendar"), request, context)
        }
    }

    /// The versions alone, for the composer's script: the form as it stands, checked with the session cookie.
    @Sendable func preview(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return Response(status: .unauthorized, headers: PageRenderer.headers) }
        let body = try await FormBody.read(request, limit: 256 * 1_024)
        try BrowserSession.check(body, request: request)
        let channels = try await publishing.channels.channels(owner: user.actor)
        let versions = try await publishing.messages.preview(MessageForm.read(body, channels: channels).draft().draft, owner: user.actor)
        let html = web.dependencies.pages.library.render(BlankText.blanking(MessageForm.versionsModel(versions)), withTemplate: "publish-versions") ?? ""
        return Response(status: .ok, headers: PageRenderer.headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    private func render(user: Authenticated, form: MessageForm, versions: [ChannelVersion]?, target: Target, _ request: Request,
                        _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let channels = try await publishing.channels.channels(owner: user.actor).sorted { $0.name.lowercased() < $1.name.lowercased() }
        var model = form.model(channels: channels, versions: versions)
        model["script"] = web.publishScript
        switch target {
        case .new:
            model["action"] = "/publish/compose"
            model["heading"] = form.source.isEmpty ? "Compose a message" : "Announce your certification"
            model["cancel"] = "/publish"
        case .change(let id):
            model["action"] = "/publish/messages/\(id)/edit"
            model["heading"] = "Change the message"
            model["cancel"] = "/publish/messages/\(id)"
        }
        return await web.publishPage("publish-compose", model, title: model["heading"] as? String ?? "Compose", request, context, status: status)
    }

    private enum Lookup {
        case found(PublishedMessage)
        case refused(Response)
    }

    /// The person's message while it can still change; otherwise the page that says why not.
    private func unsent(_ id: String, user: Authenticated, _ request: Request, _ context: APIRequestContext) async throws -> Lookup {
        let published: PublishedMessage
        do {
            published = try await publishing.messages.message(id: id, owner: user.actor)
        } catch DomainError.notFound {
            return .refused(await web.notFound("message", back: ("/publish", "Calendar"), request, context))
        }
        guard published.isUnsent else {
            return .refused(await web.message("Not changed", "The message has started going out and can no longer change.",
                                              link: ("/publish/messages/\(id)", "The message"), status: .conflict, request, context))
        }
        return .found(published)
    }

    /// A source names one of the person's own certifications, or nothing: the form could say anything.
    private func ownSource(_ source: String, user: Authenticated) async throws -> String? {
        guard source.hasPrefix("certification:") else { return nil }
        let id = String(source.dropFirst("certification:".count))
        return (try? await publishing.certifications.certification(id: id, owner: user.actor)) == nil ? nil : source
    }
}

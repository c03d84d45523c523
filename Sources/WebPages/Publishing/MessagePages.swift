import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import Publishing

/// `/publish/messages/{id}`: a message and what each channel did with it, with the network's words when
/// it refused; failed deliveries can be retried, and an unsent message changed or deleted.
struct MessagePages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("publish/messages/{id}", use: show)
        group.post("publish/messages/{id}/retry", use: retry)
        group.post("publish/messages/{id}/delete", use: remove)
    }

    private var publishing: PublishingAPI { web.dependencies.publishing }
    private static let back = ("/publish", "Calendar")

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let published: PublishedMessage
        do {
            published = try await publishing.messages.message(id: try context.parameters.require("id"), owner: user.actor)
        } catch DomainError.notFound {
            return await web.notFound("message", back: Self.back, request, context)
        }
        let channels = Dictionary(try await publishing.channels.channels(owner: user.actor).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let message = published.message
        let deliveries = published.deliveries.map { Self.row($0, channel: channels[$0.channelID]) }
        let certification = message.source.flatMap { $0.hasPrefix("certification:") ? String($0.dropFirst("certification:".count)) : nil }
        let model: [String: Any] = [
            "id": message.id, "label": PublishText.label(message), "title": message.title ?? "", "body": message.body, "link": message.link ?? "",
            "due": PublishText.time(message.dueAt), "isScheduled": message.scheduledAt != nil, "status": PublishText.messageStatus(published.status),
            "created": PublishText.time(message.createdAt), "certificationURL": certification.map { "/certifications/\($0)" } ?? "",
            "deliveries": deliveries, "canRetry": published.deliveries.contains { $0.status.isFailure }, "isUnsent": published.isUnsent,
            "calendarURL": "/publish?month=" + String(PublishText.inputValue(message.dueAt).prefix(7)),
        ]
        return await web.publishPage("publish-message", model, title: PublishText.label(message), request, context)
    }

    @Sendable func retry(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        do {
            _ = try await publishing.messages.retry(id: id, owner: user.actor)
        } catch DomainError.notFound {
            return await web.notFound("message", back: Self.back, request, context)
        }
        return PageRenderer.redirect(to: "/publish/messages/\(id)?notice=message-retried")
    }

    @Sendable func remove(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/publish").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        do {
            try await publishing.messages.delete(id: id, owner: user.actor)
        } catch DomainError.notFound {
            return await web.notFound("message", back: Self.back, request, context)
        } catch DomainError.conflict {
            return await web.message("Not deleted", "The message has started going out and can no longer be deleted.",
                                     link: ("/publish/messages/\(id)", "The message"), status: .conflict, request, context)
        }
        return PageRenderer.redirect(to: "/publish?notice=message-deleted")
    }

    static func row(_ delivery: Delivery, channel: Channel?) -> [String: Any] {
        let retryHelps: String
        switch (delivery.status.isFailure, delivery.retryable) {
        case (false, _): retryHelps = ""
        case (true, true?): retryHelps = "yes"
        case (true, false?): retryHelps = "no: change the channel or the message first"
        case (true, nil): retryHelps = "perhaps"
        }
        return [
            "channel": channel?.name ?? "a removed channel", "kind": PublishText.kind(delivery.channelKind),
            "status": PublishText.deliveryStatus(delivery.status), "explanation": PublishText.deliveryExplanation(delivery.status),
            "isFailure": delivery.status.isFailure, "attempts": delivery.attempts,
            "nextAttempt": delivery.status == .queued ? delivery.nextAttemptAt.map(PublishText.time) ?? "" : "",
            "externalID": delivery.externalID ?? "", "externalURL": Self.webAddress(delivery.externalURL), "error": delivery.error ?? "",
            "retryHelps": retryHelps, "text": delivery.text, "overridden": delivery.overridden,
            "delivered": delivery.deliveredAt.map(PublishText.time) ?? "",
        ]
    }

    /// Only web addresses become links: the address comes from the network, not from this site.
    static func webAddress(_ text: String?) -> String {
        guard let text, text.hasPrefix("https://") || text.hasPrefix("http://") else { return "" }
        return text
    }
}

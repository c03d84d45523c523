import Foundation
import HTTPAPI
import Hummingbird
import Mustache

extension WebContext {
    /// A publisher page in the layout. `notice` replaces the one from `?notice=`, which also reads
    /// the publisher's own keys.
    func publishPage(_ template: String, _ model: [String: Any], title: String, notice: String? = nil, _ request: Request,
                     _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async -> Response {
        await featurePage(template, model, title: title, notice: notice, notices: PublishNotices.text, request, context, status: status)
    }

    /// A feature's page in the layout, its empty strings blank and the CSRF token in its model. `notice`
    /// replaces the one from `?notice=`, which is read from the layout's keys, then from `notices`.
    func featurePage(_ template: String, _ model: [String: Any], title: String, notice: String?, notices: (String) -> String?,
                     _ request: Request, _ context: APIRequestContext, status: HTTPResponse.Status) async -> Response {
        var frame = await frame(title, request, context)
        if let notice {
            frame.notice = notice
        } else if frame.notice == nil, let key = request.uri.queryParameters.get("notice") {
            frame.notice = notices(key)
        }
        var model = model
        model["csrf"] = context.csrfToken ?? ""
        return dependencies.pages.render(template, BlankText.blanking(model), frame: frame, status: status)
    }

    /// The composer's and the channel form's script, under its hashed name.
    var publishScript: String { dependencies.assets.url("publish.js") }
}

/// Confirmations after a redirect, by fixed keys (as `Notices`), so a link cannot put words on the page.
enum PublishNotices {
    static func text(_ key: String) -> String? {
        [
            "channel-connected": "The channel is connected. Test it to check that the network takes its credentials.",
            "channel-removed": "The channel is removed; its credentials are deleted.",
            "channel-reconnected": "The new credentials are saved. Test the channel to check them.",
            "message-scheduled": "The message is saved: one delivery per channel is listed below.",
            "message-saved": "The message is changed.",
            "message-deleted": "The message is deleted.",
            "message-retried": "The failed deliveries are queued again.",
            "retried-all": "Every failed delivery a retry can help is queued again.",
            "nothing-to-retry": "No failed delivery could be helped by a retry.",
            "certification-added": "The certification is added.",
            "certification-saved": "The certification is saved.",
            "certification-deleted": "The certification is deleted.",
        ][key]
    }
}

/// Empty text as the templates read it: nothing to print, and false in a section. Mustache counts any
/// string as true, so without this every optional field would need a flag of its own.
struct BlankText: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }

    /// The model with every empty string, at any depth, made blank.
    static func blanking(_ value: Any) -> Any {
        switch value {
        case let text as String: text.isEmpty ? BlankText() : text
        case let dictionary as [String: Any]: dictionary.mapValues(blanking)
        case let array as [Any]: array.map(blanking)
        default: value
        }
    }
}

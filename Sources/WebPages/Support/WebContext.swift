import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import HummingbirdAuth

/// What every page controller shares: the dependencies and the helpers that turn a request into a page.
struct WebContext: Sendable {
    let dependencies: WebDependencies

    var accounts: AccountsAPI { dependencies.accounts }

    /// The layout's frame for this request: who is signed in, the CSRF token, a notice from `?notice=`.
    func frame(_ title: String, _ request: Request, _ context: APIRequestContext) async -> PageFrame {
        var badge: PageFrame.UserBadge?
        if case .user(let user)? = context.identity {
            badge = PageFrame.UserBadge(name: user.name.isEmpty ? "Account" : user.name, isAdmin: user.actor.isAdmin)
        }
        let notice = request.uri.queryParameters.get("notice").flatMap(Notices.text)
        return PageFrame(title: title, user: badge, csrf: context.csrfToken ?? "", notice: notice)
    }

    func page(_ template: String, _ model: Any, title: String, _ request: Request, _ context: APIRequestContext,
              status: HTTPResponse.Status = .ok) async -> Response {
        dependencies.pages.render(template, model, frame: await frame(title, request, context), status: status)
    }

    func message(_ heading: String, _ text: String, link: (String, String)? = nil, status: HTTPResponse.Status = .ok,
                 _ request: Request, _ context: APIRequestContext) async -> Response {
        await page("message", MessagePage(heading: heading, text: text, linkURL: link?.0, linkText: link?.1),
                   title: heading, request, context, status: status)
    }

    /// The 404 page for something of the user's that is not there; another account's gets the same answer.
    func notFound(_ thing: String, back link: (String, String), _ request: Request, _ context: APIRequestContext) async -> Response {
        await message("No such \(thing)", "It may belong to another account.", link: link, status: .notFound, request, context)
    }

    /// The signed-in user, or a redirect to sign in that comes back here.
    func requireUser(_ request: Request, _ context: APIRequestContext) -> Result<Authenticated, RedirectToSignIn> {
        if case .user(let user)? = context.identity { return .success(user) }
        return .failure(RedirectToSignIn(path: request.uri.path))
    }
}

struct RedirectToSignIn: Error {
    var path: String
    var response: Response { PageRenderer.redirect(to: "/signin?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")) }
}

struct MessagePage {
    var heading: String
    var text: String
    var linkURL: String?
    var linkText: String?
}

/// Short confirmations shown after a redirect, by a fixed key so a link cannot put words on the page.
enum Notices {
    static func text(_ key: String) -> String? {
        [
            "signed-out": "You are signed out.",
            "verified": "Your email address is confirmed. Sign in to continue.",
            "check-mail": "Check your mailbox: we sent a link to confirm your address.",
            "reset-sent": "If an account uses this address, a reset link is on its way.",
            "password-reset": "Your password is changed. Sign in with the new one.",
            "profile-saved": "Your profile is saved.",
            "password-changed": "Your password is changed; other sessions were signed out.",
            "search-saved": "The search is saved.",
            "search-updated": "The saved search is updated.",
            "search-deleted": "The saved search is deleted.",
            "mfa-off": "Two-factor sign-in is off.",
            "key-deleted": "The API key is deleted.",
            "resume-uploaded": "Your resume is uploaded and read. Its analysis is below.",
            "resume-primary": "That resume is now the one matching and analysis use.",
            "resume-deleted": "The resume is deleted.",
            "application-added": "The application is added.",
            "application-saved": "The application is saved.",
            "application-moved": "The application is moved.",
            "application-deleted": "The application is deleted.",
            "email-confirmed": "Done: the application is updated.",
            "email-dismissed": "The message is set aside; nothing changed.",
            "emails-uploaded": "The messages are read. Proposals wait for you below.",
            "mailbox-connected": "The mailbox is connected and will be read every few minutes.",
            "mailbox-synced": "The mailbox was read.",
            "mailbox-removed": "The mailbox is disconnected; its password is deleted.",
            "feed-revoked": "The calendar feed is turned off; its address no longer works.",
        ][key]
    }
}

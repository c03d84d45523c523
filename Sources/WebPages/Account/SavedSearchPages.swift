import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings

/// `/account/searches`: saved searches with their alert settings, and "save this search" from `/`.
struct SavedSearchPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        let account = AccountPages(web: web)
        group.get("account/searches") { request, context in
            try await account.signedIn(request, context) { user in await list(request, context, user) }
        }
        group.get("account/searches/new") { request, context in
            try await account.signedIn(request, context) { _ in
                let query = request.uri.query ?? ""
                return await web.page("search-new", ["csrf": context.csrfToken ?? "", "query": query, "name": Self.suggestedName(query)],
                                      title: "Save this search", request, context)
            }
        }
        group.post("account/searches") { request, context in
            try await account.form(request, context) { user, form in
                let input = SavedSearchService.Input(name: form["name"], query: form["query"], alertEnabled: form.isChecked("alert_enabled"),
                                                     alertFrequency: form["alert_frequency"])
                do {
                    _ = try await web.accounts.searches.create(actor: user.actor, input: input)
                    return PageRenderer.redirect(to: "/account/searches?notice=search-saved")
                } catch let error as DomainError {
                    return await web.page("search-new", ["csrf": context.csrfToken ?? "", "query": form["query"] ?? "", "name": form["name"] ?? "",
                                                         "nameError": AuthPages.fieldErrors(error)["name"] as Any, "error": AuthPages.text(error)],
                                          title: "Save this search", request, context, status: AuthPages.status(error))
                }
            }
        }
        group.post("account/searches/{id}") { request, context in
            try await account.form(request, context) { user, form in
                let id = try context.parameters.require("id")
                let input = SavedSearchService.Input(name: form["name"], query: form["query"], alertEnabled: form.isChecked("alert_enabled"),
                                                     alertFrequency: form["alert_frequency"])
                do {
                    _ = try await web.accounts.searches.replace(actor: user.actor, id: id, input: input)
                    return PageRenderer.redirect(to: "/account/searches?notice=search-updated")
                } catch let error as DomainError {
                    return await list(request, context, user, error: AuthPages.text(error), status: AuthPages.status(error))
                }
            }
        }
        group.post("account/searches/{id}/delete") { request, context in
            try await account.form(request, context) { user, _ in
                try await web.accounts.searches.delete(actor: user.actor, id: try context.parameters.require("id"))
                return PageRenderer.redirect(to: "/account/searches?notice=search-deleted")
            }
        }
    }

    private func list(_ request: Request, _ context: APIRequestContext, _ user: Authenticated, error: String? = nil,
                      status: HTTPResponse.Status = .ok) async -> Response {
        let searches = (try? await web.accounts.searches.list(actor: user.actor)) ?? []
        let csrf = context.csrfToken ?? ""
        let rows: [[String: Any]] = searches.map { search in
            [
                "id": search.id, "name": search.name, "query": search.query, "url": "/?" + search.query, "csrf": csrf,
                "alertEnabled": search.alertEnabled, "lastAlerted": search.lastAlertedAt.map(PostingText.date) as Any,
                "frequencies": AlertFrequency.allCases.map { frequency in
                    ["value": frequency.rawValue, "selected": frequency == search.alertFrequency,
                     "label": ["instant": "As they arrive", "daily": "Daily", "weekly": "Weekly"][frequency.rawValue] ?? frequency.rawValue] as [String: Any]
                },
            ]
        }
        return await web.page("searches", ["searches": rows, "hasSearches": !rows.isEmpty, "error": error as Any],
                              title: "Saved searches", request, context, status: status)
    }

    /// A name from the search's words, which the user can change.
    static func suggestedName(_ query: String) -> String {
        let parameters = try? QueryParameters(rawQuery: query)
        let words = [parameters?["q"], parameters?["location"].map { "in \($0)" }, parameters?["remote"] == "true" ? "remote" : nil]
            .compactMap { $0 }.filter { !$0.isEmpty }
        return words.isEmpty ? "All jobs" : words.joined(separator: " ").capitalizedFirst
    }
}

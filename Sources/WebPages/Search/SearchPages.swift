import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings

/// `/` (search) and `/jobs/{id}` (one posting).
struct SearchPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("/", use: search)
        group.get("jobs/{id}", use: posting)
        group.post("jobs/{id}/save") { request, context in try await toggleSave(request, context, saving: true) }
        group.post("jobs/{id}/unsave") { request, context in try await toggleSave(request, context, saving: false) }
        group.get("account/saved-jobs", use: savedJobs)
    }

    @Sendable func search(_ request: Request, context: APIRequestContext) async throws -> Response {
        var query = JobSearchQuery()
        var errors: [FieldError] = []
        do {
            // Empty form fields are absent fields; the page's own `notice` is not a search parameter.
            let raw = (request.uri.query ?? "").split(separator: "&").filter { pair in
                !pair.hasSuffix("=") && !pair.hasPrefix("notice=")
            }.joined(separator: "&")
            query = try JobSearchParameters.parse(QueryParameters(rawQuery: raw))
        } catch DomainError.badRequest(_, let fields) {
            errors = fields
        }
        var results: JobSearchResults?
        let user: Authenticated? = if case .user(let user)? = context.identity { user } else { nil }
        if query.sort == .match, user == nil {
            errors.append(FieldError(field: "sort", message: "sign in to order jobs by how well they fit you"))
        }
        if errors.isEmpty {
            do {
                if query.sort == .match, let user {
                    results = try await web.dependencies.careerAgent.matches.search(actor: user.actor, query: query)
                } else {
                    results = try await web.dependencies.jobs.search(query)
                }
            } catch DomainError.badRequest(_, let fields) {
                errors = fields.isEmpty ? [FieldError(field: "cursor", message: "this page of results is no longer available; start again")] : fields
            }
        }
        let signedIn = context.identity.map { if case .user = $0 { true } else { false } } ?? false
        let model = SearchPage(query: query, results: results, errors: errors, signedIn: signedIn)
        let title = query.text.isEmpty ? "Find a job" : "\(query.text) jobs"
        return await web.page("search", model, title: title, request, context, status: errors.isEmpty ? .ok : .badRequest)
    }

    @Sendable func posting(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try context.parameters.require("id").removingPercentEncoding ?? ""
        let posting: JobPosting
        do {
            posting = try await web.dependencies.jobs.posting(jobID: id)
        } catch DomainError.notFound {
            return await web.message("This job is not here", "It may have been filled or removed, or the link is wrong.",
                                     link: ("/", "Search all jobs"), status: .notFound, request, context)
        }
        let others = (try? await web.dependencies.jobs.otherSources(of: id)) ?? []
        var page = JobPage(posting, otherSources: others)
        let asked = web.dependencies.careerAgent.skills.skills(of: posting)
        page.skills = asked.isEmpty ? nil : PostingSkillList(asked)
        if case .user(let user)? = context.identity {
            page.match = (try? await web.dependencies.careerAgent.matches.match(actor: user.actor, jobID: id)).map { MatchPanel($0.match) }
            let saved = (try? await web.accounts.savedJobs.isSaved(actor: user.actor, jobID: id)) ?? false
            page.save = JobPage.Save(action: PostingText.url(id) + (saved ? "/unsave" : "/save"), label: saved ? "Saved ✓ (remove)" : "Save this job",
                                     csrf: context.csrfToken ?? "")
        }
        return await web.page("job", page, title: posting.title, request, context)
    }

    @Sendable func toggleSave(_ request: Request, _ context: APIRequestContext, saving: Bool) async throws -> Response {
        let id = try context.parameters.require("id").removingPercentEncoding ?? ""
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: PostingText.url(id)).response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        if saving {
            try await web.accounts.savedJobs.save(actor: user.actor, jobID: id)
        } else {
            try? await web.accounts.savedJobs.remove(actor: user.actor, jobID: id)
        }
        return PageRenderer.redirect(to: PostingText.url(id))
    }

    @Sendable func savedJobs(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let saved = try await web.accounts.savedJobs.list(actor: user.actor)
        let rows: [[String: Any]] = saved.map { entry in
            ["url": PostingText.url(entry.posting.jobID), "title": entry.posting.title, "company": entry.posting.company,
             "location": entry.posting.location, "saved": PostingText.date(entry.savedAt),
             "closed": entry.posting.status != .open]
        }
        return await web.page("saved-jobs", ["jobs": rows, "hasJobs": !rows.isEmpty], title: "Saved jobs", request, context)
    }
}

/// The view model of `/jobs/{id}`. The description is the sanitizer's output, never the provider's HTML.
struct JobPage {
    struct Source {
        var provider: String
        var url: String
    }

    var title: String
    var company: String
    var location: String
    var remote: Bool
    var salary: String?
    var employmentType: String?
    var posted: String
    var postedISO: String
    var applyURL: String?
    var descriptionHTML: String
    var otherSources: [Source]
    var hasOtherSources: Bool
    /// The save button, for signed-in users.
    var save: Save?
    /// How well the posting fits the signed-in seeker.
    var match: MatchPanel?
    var skills: PostingSkillList?

    struct Save {
        var action: String
        var label: String
        var csrf: String
    }

    init(_ posting: JobPosting, otherSources: [JobPosting]) {
        title = posting.title
        company = posting.company
        location = posting.location
        remote = posting.remote
        salary = PostingText.salary(posting)
        employmentType = PostingText.employmentType(posting.employmentType)
        posted = PostingText.date(posting.postedDate)
        postedISO = PostingText.isoDate(posting.postedDate)
        applyURL = posting.applyURL.flatMap { url in
            // Only web links: a `javascript:` URL from a provider must never become a link.
            let lower = url.lowercased()
            return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
        }
        // Sanitized again here, whichever way the posting was stored: a page must never carry a provider's markup.
        descriptionHTML = posting.descriptionHTML.map { HTMLSanitizer().sanitize($0) } ?? HTMLEscaping.paragraphs(posting.description)
        self.otherSources = otherSources.map { Source(provider: $0.providerID, url: PostingText.url($0.jobID)) }
        hasOtherSources = !otherSources.isEmpty
    }
}

/// Plain text as escaped HTML paragraphs.
enum HTMLEscaping {
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .map { "<p>" + HTMLText.escape($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined()
    }
}

import CareerAgent
import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import Hummingbird

/// `/applications`: the tracker as a board (columns by status, cards dragged between them, or moved
/// with a form where scripts do not run) or as a list with filters; one page per application with
/// its timeline, notes, next action and reminder date.
struct ApplicationPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("applications", use: list)
        group.post("applications", use: create)
        group.get("applications/{id}", use: show)
        group.post("applications/{id}", use: update)
        group.post("applications/{id}/status", use: move)
        group.post("applications/{id}/delete", use: remove)
    }

    private var applications: ApplicationService { web.dependencies.careerAgent.applications }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let query = request.uri.queryParameters
        let all = try await applications.list(actor: user.actor)
        let stats = try await applications.statistics(actor: user.actor)
        let isList = query.get("view") == "list"
        let statusFilter = query.get("status").flatMap(ApplicationStatus.init(rawValue:))
        let text = TriageText.fold(query.get("q") ?? "")
        let filtered = all.filter { application in
            (statusFilter == nil || application.status == statusFilter)
                && (text.isEmpty || TriageText.fold(application.company + " " + application.title).contains(text))
        }
        let sorted = query.get("sort") == "company" ? filtered.sorted { $0.company.lowercased() < $1.company.lowercased() }
            : query.get("sort") == "next" ? filtered.sorted { ($0.nextActionDate ?? .distantFuture) < ($1.nextActionDate ?? .distantFuture) }
            : filtered.sorted { $0.updatedAt > $1.updatedAt }
        let csrf = context.csrfToken ?? ""
        let columns: [[String: Any]] = ApplicationStatus.allCases.map { status in
            let cards = all.filter { $0.status == status }.sorted { $0.updatedAt > $1.updatedAt }
            return ["status": status.rawValue, "label": Self.label(status), "count": cards.count,
                    "cards": cards.map { Self.card($0, csrf: csrf) }]
        }
        let weeks = stats.appliedPerWeek.suffix(12).map { (label: PostingText.isoDate($0.weekStart).suffix(5).description, value: $0.count) }
        let model: [String: Any] = [
            "csrf": csrf, "isList": isList, "isBoard": !isList, "columns": columns,
            "rows": sorted.map { Self.card($0, csrf: csrf) }, "hasRows": !sorted.isEmpty, "hasAny": !all.isEmpty,
            "q": query.get("q") ?? "",
            "statuses": ApplicationStatus.allCases.map { ["value": $0.rawValue, "label": Self.label($0), "selected": $0 == statusFilter] },
            "sortCompany": query.get("sort") == "company", "sortNext": query.get("sort") == "next",
            "total": stats.total, "responseRate": Int((stats.responseRate * 100).rounded()),
            "medianDays": stats.medianDaysToFirstResponse.map { String(format: "%.0f", $0) } ?? "–",
            "weeksSVG": weeks.isEmpty ? "" : SVGCharts.bars(Array(weeks), title: "Applications per week"),
        ]
        return await web.page("applications", model, title: "Applications", request, context)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/applications").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        var changes = ApplicationService.Changes()
        changes.company = form["company"].flatMap(Self.nonEmpty)
        changes.title = form["title"].flatMap(Self.nonEmpty)
        changes.url = .some(form["url"].flatMap(Self.nonEmpty))
        changes.jobID = form["job_id"].flatMap(Self.nonEmpty)
        changes.status = form["status"].flatMap(ApplicationStatus.init(rawValue:)) ?? .saved
        do {
            let application = try await applications.create(actor: user.actor, changes)
            return PageRenderer.redirect(to: form["job_id"] == nil ? "/applications?notice=application-added" : "/applications/\(application.id)?notice=application-added")
        } catch DomainError.badRequest(let message, _) {
            return await web.message("The application was not added", message, link: ("/applications", "Back to applications"),
                                     status: .badRequest, request, context)
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let application: JobApplication, timeline: [ApplicationEvent]
        do {
            (application, timeline) = try await applications.application(actor: user.actor, id: try context.parameters.require("id"))
        } catch DomainError.notFound(_) {
            return await web.notFound("application", back: ("/applications", "Your applications"), request, context)
        }
        let interviews = try await web.dependencies.careerAgent.calendar.interviews(actor: user.actor).filter { $0.applicationID == application.id }
        var model = Self.card(application, csrf: context.csrfToken ?? "")
        model["notes"] = application.notes
        model["url"] = application.url ?? ""
        model["hasURL"] = application.url != nil
        model["nextActionDateValue"] = application.nextActionDate.map(PostingText.isoDate) ?? ""
        model["statuses"] = ApplicationStatus.allCases.map { ["value": $0.rawValue, "label": Self.label($0), "selected": $0 == application.status] }
        model["timeline"] = timeline.reversed().map { event in
            ["when": PostingText.date(event.at), "from": event.from.map(Self.label) ?? "", "hasFrom": event.from != nil,
             "to": Self.label(event.to), "byEmail": event.source == .email]
        }
        model["interviews"] = interviews.map(InterviewPages.row)
        model["hasInterviews"] = !interviews.isEmpty
        model["contacts"] = application.contacts.map { ["name": $0.name, "email": $0.email ?? "", "role": $0.role ?? ""] }
        model["hasContacts"] = !application.contacts.isEmpty
        return await web.page("application", model, title: "\(application.title) – \(application.company)", request, context)
    }

    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/applications").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        var changes = ApplicationService.Changes()
        changes.company = form["company"].flatMap(Self.nonEmpty)
        changes.title = form["title"].flatMap(Self.nonEmpty)
        if form["url"] != nil { changes.url = .some(form["url"].flatMap(Self.nonEmpty)) }
        changes.status = form["status"].flatMap(ApplicationStatus.init(rawValue:))
        changes.notes = form["notes"].map { String($0.prefix(20_000)) }
        if form["next_action"] != nil { changes.nextAction = .some(form["next_action"].flatMap(Self.nonEmpty)) }
        if let date = form["next_action_date"] {
            changes.nextActionDate = .some(date.isEmpty ? nil : Timestamps.parse(date + "T09:00:00Z"))
        }
        do {
            _ = try await applications.update(actor: user.actor, id: id, changes)
        } catch DomainError.notFound(_) {
            return await web.notFound("application", back: ("/applications", "Your applications"), request, context)
        }
        return PageRenderer.redirect(to: "/applications/\(id)?notice=application-saved")
    }

    /// A card moved to another column: by drag and drop (answered 204) or by the card's own form.
    @Sendable func move(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/applications").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        guard let status = form["status"].flatMap(ApplicationStatus.init(rawValue:)) else {
            throw DomainError.badRequest("Choose a status.", fieldErrors: [FieldError(field: "status", message: "must be one of " + ApplicationStatus.names)])
        }
        var changes = ApplicationService.Changes()
        changes.status = status
        do {
            _ = try await applications.update(actor: user.actor, id: id, changes)
        } catch DomainError.notFound(_) {
            return await web.notFound("application", back: ("/applications", "Your applications"), request, context)
        }
        if request.headers[HTTPField.Name("X-Requested-With")!] == "fetch" { return Response(status: .noContent) }
        return PageRenderer.redirect(to: (form["back"] == "list" ? "/applications?view=list&" : "/applications?") + "notice=application-moved")
    }

    @Sendable func remove(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/applications").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        do {
            try await applications.delete(actor: user.actor, id: try context.parameters.require("id"))
        } catch DomainError.notFound(_) {
            return await web.notFound("application", back: ("/applications", "Your applications"), request, context)
        }
        return PageRenderer.redirect(to: "/applications?notice=application-deleted")
    }

    static func card(_ application: JobApplication, csrf: String) -> [String: Any] {
        let overdue = application.nextActionDate.map { $0 < Date() } ?? false
        return [
            "id": application.id, "url": "/applications/\(application.id)", "company": application.company, "title": application.title,
            "status": application.status.rawValue, "statusLabel": label(application.status),
            "nextAction": application.nextAction ?? "", "hasNextAction": application.nextAction != nil || application.nextActionDate != nil,
            "nextActionDate": application.nextActionDate.map(PostingText.date) ?? "", "overdue": overdue,
            "updated": PostingText.date(application.updatedAt), "csrf": csrf,
            "moveOptions": ApplicationStatus.allCases.map { ["value": $0.rawValue, "label": label($0), "selected": $0 == application.status] },
        ]
    }

    static func label(_ status: ApplicationStatus) -> String {
        switch status {
        case .saved: "Saved"
        case .applied: "Applied"
        case .assessment: "Assessment"
        case .interview: "Interview"
        case .offer: "Offer"
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .withdrawn: "Withdrawn"
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : String(trimmed.prefix(2_000))
    }
}

/// Case- and accent-blind text for the list's search box.
enum TriageText {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }
}

import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import Publishing

/// `/certifications`: the credentials a person earned, checked against the issuer's public page; each
/// one's page edits it and proposes an announcement that opens in the composer.
struct CertificationPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("certifications", use: list)
        group.post("certifications", use: create)
        group.get("certifications/{id}", use: show)
        group.post("certifications/{id}", use: update)
        group.post("certifications/{id}/delete", use: remove)
    }

    private var certifications: CertificationService { web.dependencies.publishing.certifications }
    private static let back = ("/certifications", "Your certifications")

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await renderList(user: user, form: CertificationForm(), request, context)
    }

    private func renderList(user: Authenticated, form: CertificationForm, _ request: Request, _ context: APIRequestContext,
                            status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = Date()
        let rows = try await certifications.certifications(owner: user.actor).map { CertificationText.row($0, now: now) }
        var model = form.model
        model["certifications"] = rows
        model["hasCertifications"] = !rows.isEmpty
        return await web.publishPage("certifications", model, title: "Certifications", request, context, status: status)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/certifications").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        var form = CertificationForm.read(body)
        do {
            let certification = try await certifications.create(form.draft, owner: user.actor)
            return PageRenderer.redirect(to: "/certifications/\(certification.id)?notice=certification-added")
        } catch DomainError.invalid(_, let fields) {
            form.errors = FormErrors(fields)
            return try await renderList(user: user, form: form, request, context, status: .unprocessableContent)
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        do {
            let certification = try await certifications.certification(id: try context.parameters.require("id"), owner: user.actor)
            return await renderDetail(certification, form: CertificationForm(certification), request, context)
        } catch DomainError.notFound {
            return await web.notFound("certification", back: Self.back, request, context)
        }
    }

    /// The page of one certification; `form` is the edit form, as saved or as just typed.
    private func renderDetail(_ certification: Certification, form: CertificationForm, _ request: Request, _ context: APIRequestContext,
                              status: HTTPResponse.Status = .ok) async -> Response {
        let announcement = CertificationAnnouncement.draft(for: certification)
        var model = CertificationText.row(certification, now: Date())
        model["credentialID"] = certification.credentialID ?? ""
        model["credentialLink"] = MessagePages.webAddress(certification.credentialURL)
        model["skillList"] = certification.skills
        model["hasSkills"] = !certification.skills.isEmpty
        model["verificationDetail"] = certification.verificationDetail ?? ""
        model["verifiedAt"] = certification.verifiedAt.map(PublishText.time) ?? ""
        model["announcementTitle"] = announcement.title ?? ""
        model["announcementBody"] = announcement.body
        model["announcementLink"] = announcement.link ?? ""
        model["composeURL"] = "/publish/compose?certification=\(certification.id)"
        // The edit form keeps what was typed, even where the saved values differ.
        model["edit"] = form.model
        return await web.publishPage("certification", model, title: certification.name, request, context, status: status)
    }

    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/certifications").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let id = try context.parameters.require("id")
        var form = CertificationForm.read(body)
        do {
            _ = try await certifications.update(id: id, form.draft, owner: user.actor)
            return PageRenderer.redirect(to: "/certifications/\(id)?notice=certification-saved")
        } catch DomainError.notFound {
            return await web.notFound("certification", back: Self.back, request, context)
        } catch DomainError.invalid(_, let fields) {
            form.errors = FormErrors(fields)
            let saved = try await certifications.certification(id: id, owner: user.actor)
            return await renderDetail(saved, form: form, request, context, status: .unprocessableContent)
        }
    }

    @Sendable func remove(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/certifications").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        do {
            try await certifications.delete(id: try context.parameters.require("id"), owner: user.actor)
        } catch DomainError.notFound {
            return await web.notFound("certification", back: Self.back, request, context)
        }
        return PageRenderer.redirect(to: "/certifications?notice=certification-deleted")
    }
}

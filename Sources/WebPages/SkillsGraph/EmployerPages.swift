import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings
import SkillsGraph

/// The employer's company pages: `/employer` (their companies, and creating one),
/// `/employer/companies/{id}` (details, members, invitations, jobs, a new job), and
/// `/invitations/{token}` to join a company; a job's own pages are `EmployerJobPages`. Another
/// company's pages are 404, whether they exist or not.
struct EmployerPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("employer", use: overview)
        group.post("employer/companies", use: createCompany)
        group.get("employer/companies/{id}", use: company)
        group.post("employer/companies/{id}", use: updateCompany)
        group.post("employer/companies/{id}/invitations", use: invite)
        group.post("employer/companies/{id}/jobs", use: createJob)
        group.get("invitations/{token}", use: invitation)
        group.post("invitations/{token}", use: acceptInvitation)
    }

    private var api: SkillsGraphAPI { web.skillsGraph }
    static let back = ("/employer", "Your companies")

    static func mayCreate(_ actor: Actor) -> Bool { actor.groups.contains(.employer) || actor.isAdmin }

    // MARK: Companies

    @Sendable func overview(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await renderOverview(user: user, form: CompanyForm(), request, context)
    }

    private func renderOverview(user: Authenticated, form: CompanyForm, _ request: Request, _ context: APIRequestContext,
                                status: HTTPResponse.Status = .ok) async throws -> Response {
        let companies = try await api.companies.companies(actor: user.actor).sorted { $0.company.name.lowercased() < $1.company.name.lowercased() }
        var model = form.model
        model["companies"] = companies.map { ["url": "/employer/companies/\($0.company.id)", "name": $0.company.name, "role": $0.role.rawValue] as [String: Any] }
        model["hasCompanies"] = !companies.isEmpty
        model["mayCreate"] = Self.mayCreate(user.actor)
        return await web.skillsPage("employer", model, title: "Employer", request, context, status: status)
    }

    @Sendable func createCompany(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/employer").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        var form = CompanyForm.read(body)
        do {
            let company = try await api.companies.create(actor: user.actor, draft: form.draft)
            return PageRenderer.redirect(to: "/employer/companies/\(company.id)?notice=company-created")
        } catch DomainError.invalid(_, let fields) {
            form.errors = FormErrors(fields)
            return try await renderOverview(user: user, form: form, request, context, status: .unprocessableContent)
        } catch DomainError.forbidden(let message) {
            return await web.message("Employers only", message + " Ask an administrator to make your account an employer account, "
                                        + "or accept an invitation from a company's owner.", link: Self.back, status: .forbidden, request, context)
        }
    }

    /// What the company page may show in place of its saved state: forms as typed, a notice.
    struct CompanyOverrides {
        var details: CompanyForm?
        var invitation = InvitationForm()
        var job = JobForm()
        var notice: String?
    }

    @Sendable func company(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await renderCompany(user: user, id: try context.parameters.require("id"), CompanyOverrides(), request, context)
    }

    private func renderCompany(user: Authenticated, id: String, _ overrides: CompanyOverrides, _ request: Request, _ context: APIRequestContext,
                               status: HTTPResponse.Status = .ok) async throws -> Response {
        let found: (company: Company, role: CompanyRole)
        do {
            found = try await api.companies.company(actor: user.actor, id: id)
        } catch DomainError.notFound {
            return await web.notFound("company", back: Self.back, request, context)
        }
        let (company, role) = found
        let members = try await api.companies.members(actor: user.actor, companyID: id).sorted { $0.addedAt < $1.addedAt }
        let invitations = try await api.companies.invitations(actor: user.actor, companyID: id).sorted { $0.createdAt > $1.createdAt }
        let jobs = try await api.jobs.jobs(actor: user.actor, companyID: id).sorted { $0.updatedAt > $1.updatedAt }
        var model: [String: Any] = [
            "id": company.id, "name": company.name, "savedWebsite": MessagePages.webAddress(company.website),
            "savedAbout": company.about ?? "", "savedLocation": company.location ?? "", "role": role.rawValue, "isOwner": role == .owner,
            "details": (overrides.details ?? CompanyForm(company)).model,
            "members": members.map { member -> [String: Any] in
                ["memberName": member.name, "memberEmail": member.email, "memberRole": member.role.rawValue, "added": SkillsText.date(member.addedAt),
                 "isYou": member.userID == user.actor.userID]
            },
            "invitations": invitations.map { invitation -> [String: Any] in
                ["invitedEmail": invitation.email, "invitedRole": invitation.role.rawValue, "sent": SkillsText.date(invitation.createdAt),
                 "invitationState": invitation.acceptedAt.map { "accepted \(SkillsText.date($0))" } ?? "expires \(SkillsText.date(invitation.expiresAt))"]
            },
            "hasInvitations": !invitations.isEmpty,
            "invite": overrides.invitation.model,
            "jobs": jobs.map { job -> [String: Any] in
                ["jobTitle": job.title, "jobURL": SkillsText.employerJobURL(job.id), "jobStatus": EmployerText.status(job.status),
                 "jobUpdated": SkillsText.date(job.updatedAt), "isPublished": job.status == .published,
                 "candidatesURL": SkillsText.employerJobURL(job.id) + "/candidates", "postingURL": PostingText.url(job.id)]
            },
            "hasJobs": !jobs.isEmpty,
            "newJob": overrides.job.model,
            "inviteAction": "/employer/companies/\(company.id)/invitations", "jobAction": "/employer/companies/\(company.id)/jobs",
        ]
        model["detailsAction"] = "/employer/companies/\(company.id)"
        return await web.skillsPage("employer-company", model, title: company.name, notice: overrides.notice, request, context, status: status)
    }

    @Sendable func updateCompany(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/employer").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let id = try context.parameters.require("id")
        var form = CompanyForm.read(body)
        do {
            _ = try await api.companies.update(actor: user.actor, id: id, draft: form.draft)
        } catch DomainError.notFound {
            return await web.notFound("company", back: Self.back, request, context)
        } catch DomainError.invalid(_, let fields) {
            form.errors = FormErrors(fields)
            return try await renderCompany(user: user, id: id, CompanyOverrides(details: form), request, context, status: .unprocessableContent)
        } catch DomainError.forbidden(let message) {
            return try await renderCompany(user: user, id: id, CompanyOverrides(notice: message), request, context, status: .forbidden)
        }
        return PageRenderer.redirect(to: "/employer/companies/\(id)?notice=company-saved")
    }

    @Sendable func invite(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/employer").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let id = try context.parameters.require("id")
        var form = InvitationForm(email: SkillsText.trimmed(body["email"]), role: body["role"].flatMap(CompanyRole.init(rawValue:)) ?? .recruiter)
        do {
            _ = try await api.companies.invite(actor: user.actor, companyID: id, email: form.email, role: form.role)
        } catch DomainError.notFound {
            return await web.notFound("company", back: Self.back, request, context)
        } catch DomainError.invalid(_, let fields) {
            form.errors = FormErrors(fields)
            return try await renderCompany(user: user, id: id, CompanyOverrides(invitation: form), request, context, status: .unprocessableContent)
        } catch DomainError.forbidden(let message) {
            return try await renderCompany(user: user, id: id, CompanyOverrides(notice: message), request, context, status: .forbidden)
        }
        return PageRenderer.redirect(to: "/employer/companies/\(id)?notice=invitation-sent#invitations")
    }

    @Sendable func createJob(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/employer").response }
        let body = try await FormBody.read(request, limit: 262_144)
        try BrowserSession.check(body, request: request)
        let id = try context.parameters.require("id")
        var form = JobForm.read(body, withSkills: false)
        do {
            let job = try await api.jobs.create(actor: user.actor, companyID: id, draft: EmployerJobDraft(fields: form.fields(withSkills: false)))
            return PageRenderer.redirect(to: SkillsText.employerJobURL(job.id) + "?notice=job-created")
        } catch DomainError.notFound {
            return await web.notFound("company", back: Self.back, request, context)
        } catch DomainError.invalid(_, let fields) {
            form.attach(fields)
            return try await renderCompany(user: user, id: id, CompanyOverrides(job: form), request, context, status: .unprocessableContent)
        }
    }

    // MARK: Invitations

    @Sendable func invitation(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let token = try context.parameters.require("token")
        return await web.skillsPage("invitation", ["action": "/invitations/\(SkillsText.segment(token))"], title: "Join a company", request, context)
    }

    @Sendable func acceptInvitation(_ request: Request, context: APIRequestContext) async throws -> Response {
        let token = try SkillsText.parameter("token", context)
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/invitations/\(SkillsText.segment(token))").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        do {
            let company = try await api.companies.accept(actor: user.actor, token: token)
            return PageRenderer.redirect(to: "/employer/companies/\(company.id)?notice=invitation-accepted")
        } catch DomainError.notFound {
            return await web.message("No such invitation", "This invitation does not exist, or it was sent to another email address than your account's. "
                                        + "Sign in with the invited address, or ask the company's owner for a new invitation.",
                                     link: Self.back, status: .notFound, request, context)
        } catch DomainError.conflict(let message) {
            return await web.message("Invitation not accepted", message, link: Self.back, status: .conflict, request, context)
        }
    }
}

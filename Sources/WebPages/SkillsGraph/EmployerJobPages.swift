import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings
import SkillsGraph

/// A company job's pages: `/employer/jobs/{id}` (its form with its skills, publish and close) and
/// its ranked anonymized candidates (`…/candidates`, with contact requests). A job of another
/// company is 404, whether it exists or not.
struct EmployerJobPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("employer/jobs/{id}", use: job)
        group.post("employer/jobs/{id}", use: updateJob)
        group.post("employer/jobs/{id}/publish") { request, context in try await changeStatus(request, context, publish: true) }
        group.post("employer/jobs/{id}/close") { request, context in try await changeStatus(request, context, publish: false) }
        group.get("employer/jobs/{id}/candidates", use: candidates)
        group.post("employer/jobs/{id}/contact-requests", use: requestContact)
    }

    private var api: SkillsGraphAPI { web.skillsGraph }
    private static let back = EmployerPages.back

    // MARK: Jobs

    @Sendable func job(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await renderJob(user: user, id: try SkillsText.parameter("id", context), form: nil, request, context)
    }

    private func renderJob(user: Authenticated, id: String, form: JobForm?, notice: String? = nil, _ request: Request, _ context: APIRequestContext,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let job: EmployerJob
        do {
            job = try await api.jobs.job(actor: user.actor, jobID: id)
        } catch DomainError.notFound {
            return await web.notFound("job", back: Self.back, request, context)
        }
        let company = try await api.companies.company(actor: user.actor, id: job.companyID).company
        let url = SkillsText.employerJobURL(job.id)
        var model: [String: Any] = [
            "jobTitle": job.title, "jobStatus": EmployerText.status(job.status), "companyName": company.name,
            "companyURL": "/employer/companies/\(company.id)", "isDraft": job.status == .draft, "isPublished": job.status == .published,
            "isClosed": job.status == .closed, "postingURL": PostingText.url(job.id), "candidatesURL": url + "/candidates",
            "action": url, "publishAction": url + "/publish", "closeAction": url + "/close",
            "published": job.publishedAt.map(SkillsText.date) ?? "", "closed": job.closedAt.map(SkillsText.date) ?? "",
            "salary": EmployerText.salary(job), "savedLocation": job.location, "savedRemote": job.remote,
            "savedSkills": job.skills.map { skill -> [String: Any] in
                ["savedSkillName": skill.name, "savedRequired": skill.required, "savedLevel": SkillsText.levelName(skill.minimumLevel)]
            },
            "hasSavedSkills": !job.skills.isEmpty, "savedDescription": job.description,
        ]
        model["form"] = (form ?? JobForm(job)).model
        return await web.skillsPage("employer-job", model, title: job.title, notice: notice, request, context, status: status)
    }

    @Sendable func updateJob(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/employer").response }
        let body = try await FormBody.read(request, limit: 262_144)
        try BrowserSession.check(body, request: request)
        let id = try SkillsText.parameter("id", context)
        var form = JobForm.read(body, withSkills: true)
        do {
            _ = try await api.jobs.update(actor: user.actor, jobID: id, draft: EmployerJobDraft(fields: form.fields(withSkills: true)))
        } catch DomainError.notFound {
            return await web.notFound("job", back: Self.back, request, context)
        } catch DomainError.invalid(_, let fields) {
            form.attach(fields)
            return try await renderJob(user: user, id: id, form: form, request, context, status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            return try await renderJob(user: user, id: id, form: nil, notice: message, request, context, status: .conflict)
        }
        return PageRenderer.redirect(to: SkillsText.employerJobURL(id) + "?notice=job-saved")
    }

    private func changeStatus(_ request: Request, _ context: APIRequestContext, publish: Bool) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/employer").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let id = try SkillsText.parameter("id", context)
        do {
            _ = publish ? try await api.jobs.publish(actor: user.actor, jobID: id) : try await api.jobs.close(actor: user.actor, jobID: id)
        } catch DomainError.notFound {
            return await web.notFound("job", back: Self.back, request, context)
        } catch DomainError.conflict(let message) {
            return try await renderJob(user: user, id: id, form: nil, notice: message, request, context, status: .conflict)
        } catch DomainError.invalid(let message, let fields), DomainError.badRequest(let message, let fields) {
            // Publishing checks the job as a posting; what it misses is said above the form.
            let detail = fields.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
            return try await renderJob(user: user, id: id, form: nil, notice: detail.isEmpty ? message : "\(message) \(detail)", request, context,
                                       status: .unprocessableContent)
        }
        return PageRenderer.redirect(to: SkillsText.employerJobURL(id) + "?notice=\(publish ? "job-published" : "job-closed")")
    }

    // MARK: Candidates

    @Sendable func candidates(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await renderCandidates(user: user, id: try SkillsText.parameter("id", context), request, context)
    }

    private func renderCandidates(user: Authenticated, id: String, notice: String? = nil, messages: [String: (String, String)] = [:],
                                  _ request: Request, _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let found: (job: EmployerJob, candidates: [AnonymousCandidate])
        do {
            found = try await api.pipeline.candidates(actor: user.actor, jobID: id, limit: 100)
        } catch DomainError.notFound {
            return await web.notFound("job", back: Self.back, request, context)
        }
        let job = found.job
        let url = SkillsText.employerJobURL(job.id)
        func skill(_ skill: AnonymousCandidate.Skill) -> [String: Any] {
            [
                "skillName": skill.name, "isRequired": skill.required,
                "verifiedLevel": skill.verifiedLevel.map(SkillsText.levelName) ?? "", "minimumLevel": SkillsText.levelName(skill.minimumLevel),
                "meetsMinimum": skill.meetsMinimum, "asksLevel": skill.minimumLevel > 1,
            ]
        }
        let rows = found.candidates.enumerated().map { index, candidate -> [String: Any] in
            let typed = messages[candidate.handle]
            return [
                "handle": candidate.handle, "anchor": "candidate-\(index + 1)", "rank": "\(index + 1)", "score": "\(candidate.score)",
                "reasons": candidate.reasons, "matched": candidate.matchedSkills.map(skill), "hasMatched": !candidate.matchedSkills.isEmpty,
                "missingRequired": candidate.missingSkills.filter(\.required).map(skill),
                "hasMissingRequired": candidate.missingSkills.contains(where: \.required),
                "contact": candidate.contact?.rawValue ?? "", "isAccepted": candidate.contact == .accepted,
                "mayRequest": candidate.contact == nil && job.status == .published,
                "requestAction": url + "/contact-requests", "messageID": "message-\(index + 1)",
                "typedMessage": typed?.0 ?? "", "messageError": typed?.1 ?? "",
                "profileName": candidate.profile?.name ?? "", "profileEmail": candidate.profile?.email ?? "",
                "profileHeadline": candidate.profile?.headline ?? "", "profileLocation": candidate.profile?.location ?? "",
                "hasProfile": candidate.profile != nil,
            ]
        }
        let model: [String: Any] = [
            "jobTitle": job.title, "jobURL": url, "jobStatus": EmployerText.status(job.status), "isPublished": job.status == .published,
            "candidates": rows, "hasCandidates": !rows.isEmpty,
        ]
        return await web.skillsPage("employer-candidates", model, title: "Candidates for \(job.title)", notice: notice, request, context, status: status)
    }

    @Sendable func requestContact(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/employer").response }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let id = try SkillsText.parameter("id", context)
        let handle = SkillsText.trimmed(body["candidate_id"]), message = body["message"] ?? ""
        do {
            _ = try await api.jobs.job(actor: user.actor, jobID: id)
        } catch DomainError.notFound {
            return await web.notFound("job", back: Self.back, request, context)
        }
        do {
            _ = try await api.pipeline.requestContact(actor: user.actor, jobID: id, handle: handle, message: message)
        } catch DomainError.notFound(let text) {
            return try await renderCandidates(user: user, id: id, notice: text, request, context, status: .notFound)
        } catch DomainError.invalid(let text, let fields) {
            return try await renderCandidates(user: user, id: id, notice: text, messages: [handle: (message, fields.map(\.message).joined(separator: "; "))],
                                              request, context, status: .unprocessableContent)
        }
        return PageRenderer.redirect(to: SkillsText.employerJobURL(id) + "/candidates?notice=contact-requested")
    }
}

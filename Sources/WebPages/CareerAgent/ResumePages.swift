import Accounts
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import Hummingbird

/// `/resumes`: upload, list, analyse (evidence highlighted in the text), make primary, download, delete.
struct ResumePages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("resumes", use: list)
        group.post("resumes", use: upload)
        group.get("resumes/{id}", use: show)
        group.get("resumes/{id}/file", use: file)
        group.post("resumes/{id}/primary") { request, context in try await change(request, context, primary: true) }
        group.post("resumes/{id}/delete") { request, context in try await change(request, context, primary: false) }
    }

    private var resumes: ResumeService { web.dependencies.careerAgent.resumes }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return await listPage(user, request, context, error: nil)
    }

    private func listPage(_ user: Authenticated, _ request: Request, _ context: APIRequestContext, error: String?,
                          status: HTTPResponse.Status = .ok) async -> Response {
        let all = (try? await resumes.list(actor: user.actor)) ?? []
        let model = ResumeListPage(resumes: all, csrf: context.csrfToken ?? "", error: error)
        return await web.page("resumes", model, title: "Your resumes", request, context, status: status)
    }

    @Sendable func upload(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/resumes").response }
        do {
            let upload = try await MultipartUpload.read(request, field: "file", limit: ResumeService.maximumBytes + 64 * 1024)
            try BrowserSession.check(token: upload.fields["csrf"], request: request)
            let resume = try await resumes.upload(actor: user.actor, fileName: upload.fileName, contentType: upload.contentType,
                                                  data: upload.data)
            return PageRenderer.redirect(to: "/resumes/\(resume.id)?notice=resume-uploaded")
        } catch let error as DomainError {
            return await listPage(user, request, context, error: AuthPages.text(error), status: AuthPages.status(error))
        }
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let id = try context.parameters.require("id")
        let resume: Resume
        do {
            resume = try await resumes.resume(actor: user.actor, id: id)
        } catch DomainError.notFound {
            return await web.message("No such resume", "It may have been deleted.", link: ("/resumes", "Your resumes"),
                                     status: .notFound, request, context)
        }
        let query = request.uri.queryParameters
        let role = query.get("role").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let job = query.get("job").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        var error: String?
        var analysis: ResumeAnalysis?
        do {
            analysis = try await web.dependencies.careerAgent.analysis.analyze(actor: user.actor, resumeID: id, jobID: job, targetRole: role)
        } catch let failure as DomainError {
            error = AuthPages.text(failure)
            analysis = try? await web.dependencies.careerAgent.analysis.analyze(actor: user.actor, resumeID: id)
        }
        let model = ResumeAnalysisPage(resume: resume, analysis: analysis, role: role ?? "", job: job ?? "",
                                       csrf: context.csrfToken ?? "", error: error)
        return await web.page("resume", model, title: resume.fileName, request, context)
    }

    @Sendable func file(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        let (resume, data) = try await resumes.original(actor: user.actor, id: try context.parameters.require("id"))
        var headers = HTTPFields()
        headers[.contentType] = resume.contentType
        headers[.contentDisposition] = "attachment; filename=\"resume-\(resume.id).\(resume.fileName.split(separator: ".").last ?? "bin")\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    func change(_ request: Request, _ context: APIRequestContext, primary: Bool) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/resumes").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        if primary {
            _ = try await resumes.markPrimary(actor: user.actor, id: id)
            return PageRenderer.redirect(to: "/resumes?notice=resume-primary")
        }
        try await resumes.delete(actor: user.actor, id: id)
        return PageRenderer.redirect(to: "/resumes?notice=resume-deleted")
    }
}

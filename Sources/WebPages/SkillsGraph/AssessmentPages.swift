import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import JobPostings
import SkillsGraph

/// `/assessments`: the skills that have an assessment, the candidate's verified skills and sessions,
/// and the leaderboard opt-in; `/assessments/{id}`: the timed player while the session runs, its
/// results once marked; `/leaderboards/{skill_id}`: a skill's public leaderboard.
struct AssessmentPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("assessments", use: overview)
        group.post("assessments/start", use: start)
        group.post("assessments/leaderboard", use: saveLeaderboard)
        group.get("assessments/{id}", use: show)
        group.post("assessments/{id}/answers/{question_id}", use: answer)
        group.post("assessments/{id}/signals", use: signal)
        group.post("assessments/{id}/finish", use: finish)
        group.get("leaderboards/{skill_id}", use: leaderboard)
    }

    private var api: SkillsGraphAPI { web.skillsGraph }
    private static let back = ("/assessments", "Your assessments")

    /// The leaderboard form as typed, when the service refused it.
    struct LeaderboardForm {
        var optedIn: Bool
        var displayName: String
        var errors: FormErrors
    }

    // MARK: Overview

    @Sendable func overview(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        return try await renderOverview(user: user, request, context)
    }

    private func renderOverview(user: Authenticated, leaderboard form: LeaderboardForm? = nil, notice: String? = nil, _ request: Request,
                                _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let query = SkillsText.trimmed((try? QueryParameters(rawQuery: request.uri.query))?["q"])
        let skills = try await api.bank.skills()
        let sessions = try await api.interviews.sessions(actor: user.actor).sorted { $0.startedAt > $1.startedAt }
        let verified = try await api.verified.verifiedSkills(userID: user.actor.userID)
        let settings = try await api.leaderboards.settings(actor: user.actor)
        let running = Dictionary(sessions.filter { $0.status == .inProgress }.map { ($0.skillID, $0) }, uniquingKeysWith: { first, _ in first })
        let verifiedBySkill = Dictionary(verified.map { ($0.skillID, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(skills.map { ($0.skillID, $0.name) }, uniquingKeysWith: { first, _ in first })
        func name(_ skillID: String) -> String { names[skillID] ?? api.bank.skillName(skillID) ?? skillID }
        let shown = query.isEmpty ? skills : skills.filter {
            $0.name.localizedCaseInsensitiveContains(query) || $0.skillID.localizedCaseInsensitiveContains(query)
        }
        let errors = form?.errors ?? FormErrors()
        let model: [String: Any] = [
            "query": query, "skills": shown.map { AssessmentPageModels.skillRow($0, running: running[$0.skillID], verified: verifiedBySkill[$0.skillID]) },
            "hasSkills": !shown.isEmpty, "hasAnySkill": !skills.isEmpty, "skillCount": "\(shown.count)", "totalSkills": "\(skills.count)",
            "isFiltered": !query.isEmpty,
            "verified": verified.map { AssessmentPageModels.verifiedRow($0, name: name($0.skillID)) }, "hasVerified": !verified.isEmpty,
            "sessions": sessions.map { AssessmentPageModels.sessionRow($0, name: name($0.skillID)) }, "hasSessions": !sessions.isEmpty,
            "optedIn": form?.optedIn ?? settings.optedIn, "displayName": form?.displayName ?? settings.displayName,
            "displayNameError": errors.text("display_name"), "hasLeaderboardErrors": !errors.isEmpty,
        ]
        return await web.skillsPage("assessments", model, title: "Skill assessments", notice: notice, request, context, status: status)
    }

    /// Starts (or resumes) a session; a refusal (the cool-down, no bank) is shown with the service's words.
    @Sendable func start(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/assessments").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let skillID = SkillsText.trimmed(form["skill_id"])
        do {
            let (session, resumed) = try await api.interviews.start(actor: user.actor, skillID: skillID)
            return PageRenderer.redirect(to: "/assessments/\(session.id)" + (resumed ? "?notice=assessment-resumed" : ""))
        } catch DomainError.conflict(let message) {
            return try await renderOverview(user: user, notice: message, request, context, status: .conflict)
        } catch DomainError.notFound(let message) {
            return try await renderOverview(user: user, notice: message, request, context, status: .notFound)
        } catch DomainError.invalid(let message, _) {
            return try await renderOverview(user: user, notice: message, request, context, status: .unprocessableContent)
        }
    }

    @Sendable func saveLeaderboard(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/assessments").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let optedIn = form.isChecked("opted_in"), displayName = form["display_name"] ?? ""
        do {
            _ = try await api.leaderboards.save(actor: user.actor, optedIn: optedIn, displayName: displayName)
        } catch DomainError.invalid(_, let fields) {
            return try await renderOverview(user: user, leaderboard: LeaderboardForm(optedIn: optedIn, displayName: displayName, errors: FormErrors(fields)),
                                            request, context, status: .unprocessableContent)
        }
        return PageRenderer.redirect(to: "/assessments?notice=leaderboard-saved#leaderboard")
    }

    // MARK: One session

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: request.uri.path).response }
        do {
            let state = try await api.interviews.session(actor: user.actor, id: try context.parameters.require("id"))
            return await renderSession(state, request, context)
        } catch DomainError.notFound {
            return await web.notFound("assessment", back: Self.back, request, context)
        }
    }

    private func renderSession(_ state: InterviewState, typed: [String: AssessmentPageModels.Typed] = [:], notice: String? = nil, _ request: Request,
                               _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async -> Response {
        let model = AssessmentPageModels.session(state, typed: typed, script: web.assessmentScript)
        let title = state.session.status == .inProgress ? "\(state.skillName) assessment" : "\(state.skillName) assessment: results"
        return await web.skillsPage("assessment", model, title: title, notice: notice, request, context, status: status)
    }

    /// Saves one answer: by the question's form (a redirect back to it) or by the player's script
    /// (`X-Requested-With: fetch`, answered 204, or the refusal as text).
    @Sendable func answer(_ request: Request, context: APIRequestContext) async throws -> Response {
        let isFetch = ScriptAnswer.isFetch(request)
        guard case .user(let user)? = context.identity else {
            return isFetch ? ScriptAnswer.text("Sign in again.", status: .unauthorized) : RedirectToSignIn(path: "/assessments").response
        }
        let form = try await FormBody.read(request, limit: 262_144)
        try BrowserSession.check(form, request: request)
        let sessionID = try context.parameters.require("id")
        let questionID = try SkillsText.parameter("question_id", context)
        // The question's kind says how to read the form; reading it neither marks nor changes the session.
        guard let session = try await api.interviews.sessions(actor: user.actor).first(where: { $0.id == sessionID }) else {
            return isFetch ? ScriptAnswer.text("No such assessment.", status: .notFound)
                : await web.notFound("assessment", back: Self.back, request, context)
        }
        guard session.questionIDs.contains(questionID),
              let question = try await api.bank.exportBank(skillID: session.skillID).questions.first(where: { $0.id == questionID }) else {
            return isFetch ? ScriptAnswer.text("This assessment has no such question.", status: .notFound)
                : await web.message("No such question", "This assessment has no such question.", link: ("/assessments/\(sessionID)", "The assessment"),
                                    status: .notFound, request, context)
        }
        var typed = AssessmentPageModels.Typed(error: "")
        let value: JSONValue?
        switch question.kind {
        case .multipleChoice:
            let picked = form["answer"].flatMap { Int($0) }
            typed.choices = picked.map { [$0] } ?? []
            value = picked.map { .number(Double($0)) }
        case .multipleAnswer:
            let picked = form.all("answer").compactMap { Int($0) }
            typed.choices = picked
            value = .array(picked.map { .number(Double($0)) })
        case .shortAnswer, .codeOutput, .openAnswer:
            let text = (form["answer"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            typed.text = text
            value = .string(text)
        }
        do {
            guard let value else { throw DomainError.invalid("No answer chosen.", fieldErrors: [FieldError(field: "answer", message: "choose one of the answers, then save")]) }
            _ = try await api.interviews.answer(actor: user.actor, sessionID: sessionID, questionID: questionID, answer: value)
        } catch DomainError.conflict(let message) {
            // Too late, or marked already: the page then shows the results with the refusal.
            if isFetch { return ScriptAnswer.text(message, status: .conflict) }
            let state = try await api.interviews.session(actor: user.actor, id: sessionID)
            return await renderSession(state, notice: message, request, context, status: .conflict)
        } catch DomainError.invalid(let message, let fields) {
            let detail = fields.map(\.message).joined(separator: "; ")
            if isFetch { return ScriptAnswer.text(detail.isEmpty ? message : "Not saved: \(detail)", status: .unprocessableContent) }
            typed.error = detail.isEmpty ? message : "Not saved: \(detail)"
            let state = try await api.interviews.session(actor: user.actor, id: sessionID)
            return await renderSession(state, typed: [questionID: typed], notice: "The answer was not saved: see the question below.", request, context,
                                       status: .unprocessableContent)
        } catch DomainError.notFound(let message) {
            if isFetch { return ScriptAnswer.text(message, status: .notFound) }
            return await web.notFound("assessment", back: Self.back, request, context)
        }
        if isFetch { return Response(status: .noContent, headers: [.cacheControl: "no-store"]) }
        return PageRenderer.redirect(to: "/assessments/\(sessionID)?notice=answer-saved#\(SkillsText.anchor(questionID))")
    }

    /// What the player's script reports: a paste (with its length), the tab hidden, the window left.
    @Sendable func signal(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return ScriptAnswer.text("Sign in again.", status: .unauthorized) }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        guard let kind = form["kind"].flatMap(SessionSignal.Kind.init(rawValue:)) else {
            throw DomainError.badRequest("Unknown signal.", fieldErrors: [FieldError(
                field: "kind", message: "must be one of \(SessionSignal.Kind.allCases.map(\.rawValue).joined(separator: ", "))")])
        }
        let questionID = SkillsText.trimmed(form["question_id"])
        let size = form["size"].flatMap { Int($0) }
        do {
            try await api.interviews.signal(actor: user.actor, sessionID: try context.parameters.require("id"), kind: kind,
                                            questionID: questionID.isEmpty ? nil : String(questionID.prefix(200)), size: size)
        } catch DomainError.notFound(let message) {
            return ScriptAnswer.text(message, status: .notFound)
        }
        return Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }

    @Sendable func finish(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard case .user(let user)? = context.identity else { return RedirectToSignIn(path: "/assessments").response }
        let form = try await FormBody.read(request)
        try BrowserSession.check(form, request: request)
        let id = try context.parameters.require("id")
        do {
            _ = try await api.interviews.finish(actor: user.actor, sessionID: id)
        } catch DomainError.notFound {
            return await web.notFound("assessment", back: Self.back, request, context)
        }
        return PageRenderer.redirect(to: "/assessments/\(id)?notice=assessment-finished")
    }

    // MARK: Leaderboards

    /// A skill's leaderboard, public: opted-in candidates under the names they chose.
    @Sendable func leaderboard(_ request: Request, context: APIRequestContext) async throws -> Response {
        let skillID = try SkillsText.parameter("skill_id", context)
        let board: (skillName: String, entries: [LeaderboardEntry])
        do {
            board = try await api.leaderboards.leaderboard(skillID: skillID, limit: 100)
        } catch DomainError.notFound {
            return await web.message("No such skill", "Wayfinder knows no skill by this name, so it has no leaderboard.",
                                     link: ("/assessments", "Skill assessments"), status: .notFound, request, context)
        }
        let signedIn = if case .user? = context.identity { true } else { false }
        let rows = board.entries.map { entry -> [String: Any] in
            ["rank": "\(entry.rank)", "displayName": entry.displayName, "levelName": SkillsText.levelName(entry.level), "score": "\(entry.score)",
             "verifiedOn": SkillsText.date(entry.verifiedAt)]
        }
        let model: [String: Any] = ["skillName": board.skillName, "entries": rows, "hasEntries": !rows.isEmpty, "signedIn": signedIn]
        return await web.skillsPage("leaderboard", model, title: "\(board.skillName) leaderboard", request, context)
    }
}

import Accounts
import Domain
import Foundation
import HTTPAPI
import Hummingbird
import SkillsGraph

/// `/reviews`: the human review queue of assessment answers, for reviewers (and administrators);
/// `/reviews/{session_id}/{question_id}`: one answer with everything a reviewer weighs, and the
/// decision form. Everyone else is told who may review.
struct ReviewPages {
    let web: WebContext

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("reviews", use: queue)
        group.get("reviews/{session_id}/{question_id}", use: show)
        group.post("reviews/{session_id}/{question_id}", use: decide)
    }

    private var reviews: ReviewService { web.skillsGraph.reviews }
    private static let back = ("/reviews", "The review queue")

    /// The signed-in reviewer, or the response to send instead (sign in, or 403 saying who may review).
    private enum ReviewerCheck { case reviewer(Authenticated), refused(Response) }

    private func reviewer(_ request: Request, _ context: APIRequestContext, path: String? = nil) async -> ReviewerCheck {
        guard case .user(let user)? = context.identity else { return .refused(RedirectToSignIn(path: path ?? request.uri.path).response) }
        guard ReviewService.mayReview(user.actor) else {
            return .refused(await web.message(
                "Reviewers only", "Only reviewers see the review queue: people an administrator put in the reviewer group, and administrators. "
                    + "They decide the assessment answers the rubric could not mark with confidence.",
                link: ("/assessments", "Skill assessments"), status: .forbidden, request, context))
        }
        return .reviewer(user)
    }

    @Sendable func queue(_ request: Request, context: APIRequestContext) async throws -> Response {
        let user: Authenticated
        switch await reviewer(request, context) {
        case .reviewer(let found): user = found
        case .refused(let response): return response
        }
        let cases = try await reviews.pending(actor: user.actor, limit: 100)
        let rows = cases.map { item -> [String: Any] in
            [
                "url": "/reviews/\(item.session.id)/\(SkillsText.segment(item.question.id))", "skillName": item.skillName,
                "levelName": SkillsText.levelName(item.question.level), "kindLabel": SkillsText.kind(item.question.kind),
                "reasons": (item.answer.review?.reasons ?? []).joined(separator: "; "),
                "waitingSince": SkillsText.time(item.session.finishedAt ?? item.session.deadline),
                "isOwn": item.session.userID == user.actor.userID,
            ]
        }
        return await web.skillsPage("reviews", ["cases": rows, "hasCases": !rows.isEmpty], title: "Review queue", request, context)
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let user: Authenticated
        switch await reviewer(request, context) {
        case .reviewer(let found): user = found
        case .refused(let response): return response
        }
        let sessionID = try context.parameters.require("session_id"), questionID = try SkillsText.parameter("question_id", context)
        do {
            let item = try await reviews.reviewCase(actor: user.actor, sessionID: sessionID, questionID: questionID)
            return await render(item, user: user, request, context)
        } catch DomainError.notFound {
            return await web.message("No such answer in the review queue", "The assessment or its question does not exist.", link: Self.back,
                                     status: .notFound, request, context)
        }
    }

    /// The decision form as typed, with the service's field errors.
    struct DecisionForm {
        var score = ""
        var note = ""
        var errors = FormErrors()
    }

    private func render(_ item: ReviewCase, user: Authenticated, form: DecisionForm = DecisionForm(), notice: String? = nil, _ request: Request,
                        _ context: APIRequestContext, status: HTTPResponse.Status = .ok) async -> Response {
        let question = item.question
        var model = AssessmentPageModels.answerModel(question, answer: item.answer)
        model.merge(AssessmentPageModels.reviewModel(item.answer.review)) { $1 }
        let marking = item.answer.marking
        model.merge([
            "action": "/reviews/\(item.session.id)/\(SkillsText.segment(question.id))", "skillName": item.skillName,
            "levelName": SkillsText.levelName(question.level), "kindLabel": SkillsText.kind(question.kind), "prompt": question.prompt,
            "code": question.code ?? "", "sampleAnswer": question.sampleAnswer ?? "", "explanation": question.explanation ?? "",
            "rubric": question.rubric.map { point -> [String: Any] in
                ["pointDescription": point.description, "pointWeight": AssessmentPageModels.weight(point.weight),
                 "cues": point.cues.joined(separator: "; ")]
            },
            "hasRubric": !question.rubric.isEmpty,
            "markedScore": SkillsText.percent(marking?.score ?? 0), "method": marking?.method == .rubric ? "rubric" : "answer key",
            "currentScore": SkillsText.percent(item.answer.effectiveScore),
            "sessionStatus": SkillsText.status(item.session.status), "isOwn": item.session.userID == user.actor.userID,
            "signals": item.signals.sorted { $0.at < $1.at }.map { signal -> [String: Any] in
                ["signalKind": SkillsText.signal(signal.kind), "signalAt": SkillsText.time(signal.at),
                 "signalSize": signal.size.map { "\($0) characters" } ?? "", "signalQuestion": signal.questionID == nil ? "the whole assessment" : "this question"]
            },
            "hasSignals": !item.signals.isEmpty,
            "decisions": item.decisions.sorted { $0.decidedAt < $1.decidedAt }.map { decision -> [String: Any] in
                ["decidedBy": decision.reviewerID == user.actor.userID ? "You" : "Reviewer \(decision.reviewerID.prefix(8))",
                 "decidedAt": SkillsText.time(decision.decidedAt), "previousScore": SkillsText.percent(decision.previousScore),
                 "newScore": SkillsText.percent(decision.score), "decisionNote": decision.note]
            },
            "hasDecisions": !item.decisions.isEmpty,
            "mayDecide": item.answer.review?.status == .pending && item.session.userID != user.actor.userID,
            "formScore": form.score, "formNote": form.note, "scoreError": form.errors.text("score"), "noteError": form.errors.text("note"),
            "hasFormErrors": !form.errors.isEmpty,
        ]) { $1 }
        return await web.skillsPage("review", model, title: "Review: \(item.skillName)", notice: notice, request, context, status: status)
    }

    @Sendable func decide(_ request: Request, context: APIRequestContext) async throws -> Response {
        let user: Authenticated
        switch await reviewer(request, context, path: "/reviews") {
        case .reviewer(let found): user = found
        case .refused(let response): return response
        }
        let body = try await FormBody.read(request)
        try BrowserSession.check(body, request: request)
        let sessionID = try context.parameters.require("session_id"), questionID = try SkillsText.parameter("question_id", context)
        var form = DecisionForm(score: SkillsText.trimmed(body["score"]), note: body["note"] ?? "")
        // A score that is not a whole number is refused by the service's own range check.
        let score = Int(form.score) ?? -1
        do {
            _ = try await reviews.decide(actor: user.actor, sessionID: sessionID, questionID: questionID, score: score, note: form.note)
        } catch DomainError.invalid(_, let fields) {
            form.errors = FormErrors(fields.map { field in
                field.field == "score" && !form.score.isEmpty && Int(form.score) == nil ? FieldError(field: "score", message: "must be a whole number, 0–100") : field
            })
            let item = try await reviews.reviewCase(actor: user.actor, sessionID: sessionID, questionID: questionID)
            return await render(item, user: user, form: form, request, context, status: .unprocessableContent)
        } catch DomainError.conflict(let message) {
            let item = try await reviews.reviewCase(actor: user.actor, sessionID: sessionID, questionID: questionID)
            return await render(item, user: user, notice: message, request, context, status: .conflict)
        } catch DomainError.forbidden(let message) {
            let item = try await reviews.reviewCase(actor: user.actor, sessionID: sessionID, questionID: questionID)
            return await render(item, user: user, notice: message, request, context, status: .forbidden)
        } catch DomainError.notFound {
            return await web.message("No such answer in the review queue", "The assessment or its question does not exist.", link: Self.back,
                                     status: .notFound, request, context)
        }
        return PageRenderer.redirect(to: "/reviews/\(sessionID)/\(SkillsText.segment(questionID))?notice=review-decided")
    }
}

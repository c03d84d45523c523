import Domain
import Foundation

/// The human review queue: answers the rubric could not mark with confidence, or that repeat another
/// candidate's text. A reviewer's decision replaces the score, is kept with who, when and why, and
/// makes the session final once nothing in it is pending.
public struct ReviewService: Sendable {
    let repository: any AssessmentRepository
    let interviews: InterviewService
    let clock: any WallClock

    public init(repository: any AssessmentRepository, interviews: InterviewService, clock: any WallClock) {
        self.repository = repository
        self.interviews = interviews
        self.clock = clock
    }

    public static func mayReview(_ actor: Actor) -> Bool { actor.isAdmin || actor.groups.contains(.reviewer) }

    public func pending(actor: Actor, limit: Int = 100) async throws -> [ReviewCase] {
        try requireReviewer(actor)
        var cases: [ReviewCase] = []
        // A session with several answers waiting is read once.
        var read: [String: (state: InterviewState, decisions: [ReviewDecision])] = [:]
        for item in try await repository.pendingReviews(limit: limit) {
            if read[item.session.id] == nil {
                read[item.session.id] = (try await interviews.state(of: item.session), try await repository.decisions(sessionID: item.session.id))
            }
            let (state, decisions) = read[item.session.id]!
            if let found = Self.reviewCase(state, decisions: decisions, questionID: item.answer.questionID) { cases.append(found) }
        }
        return cases
    }

    /// One answer with everything a reviewer weighs: the question and rubric, the marking with its
    /// evidence, the session's signals and the decisions already taken.
    public func reviewCase(actor: Actor, sessionID: String, questionID: String) async throws -> ReviewCase {
        try requireReviewer(actor)
        guard let session = try await repository.session(id: sessionID) else { throw DomainError.notFound("No such assessment.") }
        return try await reviewCase(session, questionID: questionID)
    }

    /// Records the reviewer's score (0–100) and reason; the audit keeps the score it replaced.
    public func decide(actor: Actor, sessionID: String, questionID: String, score: Int, note: String) async throws -> ReviewCase {
        try requireReviewer(actor)
        var problems: [FieldError] = []
        if !(0...100).contains(score) { problems.append(FieldError(field: "score", message: "must be 0–100")) }
        let reason = note.trimmingWhitespace()
        if reason.isEmpty { problems.append(FieldError(field: "note", message: "say why: the audit keeps it")) }
        if reason.count > 2000 { problems.append(FieldError(field: "note", message: "must be at most 2,000 characters")) }
        guard problems.isEmpty else { throw DomainError.invalid("The decision is incomplete.", fieldErrors: problems) }
        guard let session = try await repository.session(id: sessionID),
              let answer = try await repository.answers(sessionID: sessionID).first(where: { $0.questionID == questionID }),
              answer.review != nil else {
            throw DomainError.notFound("No such answer in the review queue.")
        }
        guard session.userID != actor.userID else { throw DomainError.forbidden("Nobody reviews their own assessment.") }
        let decision = ReviewDecision(sessionID: sessionID, questionID: questionID, reviewerID: actor.userID, decidedAt: clock.now(),
                                      previousScore: answer.effectiveScore, score: Double(score) / 100, note: reason)
        guard try await repository.decide(decision) else { throw DomainError.conflict("This answer was decided already.") }
        try await settleIfReviewed(session)
        return try await reviewCase(try await repository.session(id: sessionID) ?? session, questionID: questionID)
    }

    /// Once nothing in the session waits for a reviewer, its grade is worked out again with the
    /// reviewers' scores and becomes final.
    private func settleIfReviewed(_ session: InterviewSession) async throws {
        let answers = try await repository.answers(sessionID: session.id)
        guard session.status == .inReview, !answers.contains(where: { $0.review?.status == .pending }) else { return }
        let questions = try await interviews.questions(of: session)
        let grade = SkillGrade(questions: questions, answers: Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 }),
                               passMark: interviews.policy.passMark)
        var final = session
        final.status = .completed
        final.score = grade.score
        final.level = grade.level
        try await repository.complete(final)
        try await interviews.results.settled(final)
    }

    private func reviewCase(_ session: InterviewSession, questionID: String) async throws -> ReviewCase {
        let found = Self.reviewCase(try await interviews.state(of: session), decisions: try await repository.decisions(sessionID: session.id),
                                    questionID: questionID)
        guard let found else { throw DomainError.notFound("No such answer in the review queue.") }
        return found
    }

    /// One question's answer of a session read whole, with its signals and decisions; nil when the session has no such answer.
    private static func reviewCase(_ state: InterviewState, decisions: [ReviewDecision], questionID: String) -> ReviewCase? {
        guard let question = state.questions.first(where: { $0.id == questionID }),
              let answer = state.answers.first(where: { $0.questionID == questionID }) else { return nil }
        return ReviewCase(session: state.session, skillName: state.skillName, question: question, answer: answer,
                          signals: state.signals.filter { $0.questionID == nil || $0.questionID == questionID },
                          decisions: decisions.filter { $0.questionID == questionID })
    }

    private func requireReviewer(_ actor: Actor) throws {
        guard Self.mayReview(actor) else { throw DomainError.forbidden("Only reviewers see the review queue.") }
    }
}

/// One answer under review with what the reviewer needs.
public struct ReviewCase: Sendable {
    public var session: InterviewSession
    public var skillName: String
    public var question: AssessmentQuestion
    public var answer: SessionAnswer
    public var signals: [SessionSignal]
    public var decisions: [ReviewDecision]
}

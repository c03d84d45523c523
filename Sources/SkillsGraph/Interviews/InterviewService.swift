import Domain
import Foundation

/// Skill assessments for candidates: start (or resume) a timed session, save answers while the
/// clock runs, record the page's signals, and mark the session when the candidate finishes or the
/// time is up. Time is always the server's.
public struct InterviewService: Sendable {
    let repository: any AssessmentRepository
    let policy: InterviewPolicy
    let clock: any WallClock
    let scorer = AnswerScorer()
    /// The skill's display name for an id, or nil when the taxonomy does not know it.
    let skillName: @Sendable (String) -> String?
    let results: AssessmentResults

    public init(repository: any AssessmentRepository, policy: InterviewPolicy, clock: any WallClock,
                skillName: @escaping @Sendable (String) -> String?, results: AssessmentResults) {
        self.repository = repository
        self.policy = policy
        self.clock = clock
        self.skillName = skillName
        self.results = results
    }

    /// Starts a session for the skill, or returns the one still in progress (`resumed` true).
    public func start(actor: Actor, skillID: String) async throws -> (session: InterviewSession, resumed: Bool) {
        guard skillName(skillID) != nil else {
            throw DomainError.invalid("Unknown skill.", fieldErrors: [FieldError(field: "skill_id", message: "is not a skill Wayfinder knows")])
        }
        let now = clock.now()
        if var latest = try await repository.latestSession(userID: actor.userID, skillID: skillID) {
            if latest.status == .inProgress {
                if now <= latest.deadline.addingTimeInterval(policy.grace) { return (latest, true) }
                latest = try await close(latest)
            }
            let available = (latest.finishedAt ?? latest.startedAt).addingTimeInterval(policy.cooldown)
            if now < available {
                throw DomainError.conflict("You can take this assessment again from \(available.formatted(.iso8601)): attempts are \(Int(policy.cooldown / 3600)) hours apart.")
            }
        }
        let bank = try await repository.questions(skillID: skillID)
        guard !bank.isEmpty else { throw DomainError.notFound("There is no assessment for this skill yet.") }
        let (takers, exposures) = try await repository.exposures(skillID: skillID)
        let seen = try await repository.seenQuestions(userID: actor.userID, skillID: skillID)
        let id = UUID().uuidString.lowercased()
        let drawn = QuestionDraw(policy: policy).draw(from: bank, exposures: exposures, takers: takers, seen: seen, seed: Self.seed(id))
        guard !drawn.isEmpty else {
            throw DomainError.conflict("Every question of this skill's bank is either one you have seen or shown to enough candidates already; try again later.")
        }
        let seconds = drawn.reduce(0) { $0 + $1.allowedSeconds }
        let session = InterviewSession(id: id, userID: actor.userID, skillID: skillID, status: .inProgress, startedAt: now,
                                       deadline: now.addingTimeInterval(TimeInterval(seconds)), questionIDs: drawn.map(\.id))
        try await repository.insert(session)
        return (session, false)
    }

    /// The session as the player shows it: its questions (without their keys) and the answers saved
    /// so far. A session whose time ran out is marked first.
    public func session(actor: Actor, id: String) async throws -> InterviewState {
        var session = try await owned(actor, id)
        if session.status == .inProgress, clock.now() > session.deadline.addingTimeInterval(policy.grace) {
            session = try await close(session)
        }
        return try await state(of: session)
    }

    public func sessions(actor: Actor) async throws -> [InterviewSession] {
        try await repository.sessions(owner: actor.userID)
    }

    /// Saves one answer; refused once the deadline has passed or the session is marked.
    public func answer(actor: Actor, sessionID: String, questionID: String, answer json: JSONValue?) async throws -> SessionAnswer {
        let session = try await owned(actor, sessionID)
        let now = clock.now()
        guard session.status == .inProgress else { throw DomainError.conflict("This assessment is finished; answers can no longer change.") }
        guard now <= session.deadline.addingTimeInterval(policy.grace) else {
            _ = try await close(session)
            throw DomainError.conflict("The time for this assessment ran out at \(session.deadline.formatted(.iso8601)); the answer was not saved.")
        }
        guard session.questionIDs.contains(questionID),
              let question = try await repository.question(id: questionID) else {
            throw DomainError.notFound("This assessment has no such question.")
        }
        let value = try AnswerValue.read(json, for: question.kind, choiceCount: question.choices.count)
        let saved = SessionAnswer(sessionID: session.id, questionID: questionID, value: value, answeredAt: now)
        guard try await repository.saveAnswer(saved) else { throw DomainError.conflict("This assessment is finished; answers can no longer change.") }
        return saved
    }

    /// Records a signal from the page (a paste, the tab hidden) with the server's time.
    public func signal(actor: Actor, sessionID: String, kind: SessionSignal.Kind, questionID: String?, size: Int?) async throws {
        let session = try await owned(actor, sessionID)
        guard session.status == .inProgress else { return }
        if let questionID, !session.questionIDs.contains(questionID) { throw DomainError.notFound("This assessment has no such question.") }
        try await repository.addSignal(SessionSignal(sessionID: session.id, kind: kind, questionID: questionID, at: clock.now(),
                                                     size: size.map { max(0, min($0, 1_000_000)) }))
    }

    /// Marks the session now (the candidate is done before the time is up).
    public func finish(actor: Actor, sessionID: String) async throws -> InterviewState {
        let session = try await owned(actor, sessionID)
        return try await state(of: session.status == .inProgress ? close(session) : session)
    }

    /// Marks every answer, queues the doubtful ones for review and, when none is doubtful, makes the
    /// level final. Another request may have marked it first; then that marking stands.
    func close(_ session: InterviewSession) async throws -> InterviewSession {
        let questions = try await questions(of: session)
        var answers = Dictionary(try await repository.answers(sessionID: session.id).map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        for question in questions {
            var answer = answers[question.id] ?? SessionAnswer(sessionID: session.id, questionID: question.id, value: .text(""),
                                                             answeredAt: session.deadline)
            let isBlank = answers[question.id] == nil
            let marking = scorer.mark(isBlank ? nil : answer.value, for: question)
            answer.marking = marking
            var reasons: [String] = []
            if marking.method == .rubric, marking.confidence < RubricScorer.reviewBelow {
                reasons.append("rubric marking is unsure (confidence \(marking.confidence))")
            }
            if question.kind == .openAnswer, case .text(let text) = answer.value, let fingerprint = AnswerText.fingerprint(text) {
                answer.fingerprint = fingerprint
                let same = try await repository.sameAnswers(questionID: question.id, fingerprint: fingerprint, excludingSession: session.id)
                if same.contains(where: { $0.userID != session.userID }) { reasons.append("same text as another candidate's answer") }
            }
            if !reasons.isEmpty { answer.review = AnswerReview(status: .pending, reasons: reasons) }
            if !isBlank || !reasons.isEmpty || question.kind == .openAnswer { answers[question.id] = answer }
        }
        var marked = session
        let grade = SkillGrade(questions: questions, answers: answers, passMark: policy.passMark)
        marked.score = grade.score
        marked.level = grade.level
        marked.finishedAt = min(clock.now(), session.deadline.addingTimeInterval(policy.grace))
        marked.status = answers.values.contains { $0.review?.status == .pending } ? .inReview : .completed
        guard try await repository.finish(marked, answers: Array(answers.values)) else {
            return try await repository.session(id: session.id) ?? marked
        }
        try await results.settled(marked)
        return marked
    }

    func questions(of session: InterviewSession) async throws -> [AssessmentQuestion] {
        let byID = Dictionary(try await repository.questions(skillID: session.skillID).map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        return session.questionIDs.compactMap { byID[$0] }
    }

    private func owned(_ actor: Actor, _ id: String) async throws -> InterviewSession {
        guard let session = try await repository.session(id: id, owner: actor.userID) else {
            throw DomainError.notFound("No such assessment.")
        }
        return session
    }

    func state(of session: InterviewSession) async throws -> InterviewState {
        InterviewState(session: session, skillName: skillName(session.skillID) ?? session.skillID,
                       questions: try await questions(of: session), answers: try await repository.answers(sessionID: session.id),
                       signals: try await repository.signals(sessionID: session.id), now: clock.now())
    }

    /// A session's own seed, from its id: its draw and order are the same whenever they are recomputed.
    static func seed(_ id: String) -> UInt64 {
        id.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

/// A session with its questions, saved answers and signals, as the API and the player read it.
public struct InterviewState: Sendable {
    public var session: InterviewSession
    public var skillName: String
    public var questions: [AssessmentQuestion]
    public var answers: [SessionAnswer]
    public var signals: [SessionSignal]
    public var now: Date

    public var remainingSeconds: Int {
        session.status == .inProgress ? max(0, Int(session.deadline.timeIntervalSince(now).rounded(.down))) : 0
    }
}

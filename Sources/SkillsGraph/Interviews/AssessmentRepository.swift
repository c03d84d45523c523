import Foundation

/// How many questions an import added, changed and found as they were.
public struct QuestionImportSummary: Sendable, Equatable, Codable {
    public var added: Int
    public var updated: Int
    public var unchanged: Int

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// A skill that has an assessment: how many questions it has at each level.
public struct BankedSkill: Sendable, Equatable {
    public var skillID: String
    public var questionsPerLevel: [Int: Int]

    public init(skillID: String, questionsPerLevel: [Int: Int]) {
        self.skillID = skillID
        self.questionsPerLevel = questionsPerLevel
    }
}

/// An answer waiting for (or given) a reviewer's decision, with what the reviewer needs to decide.
public struct ReviewItem: Sendable, Equatable {
    public var session: InterviewSession
    public var answer: SessionAnswer

    public init(session: InterviewSession, answer: SessionAnswer) {
        self.session = session
        self.answer = answer
    }
}

/// One reviewer decision as the audit trail keeps it.
public struct ReviewDecision: Sendable, Equatable {
    public var sessionID: String
    public var questionID: String
    public var reviewerID: String
    public var decidedAt: Date
    public var previousScore: Double
    public var score: Double
    public var note: String

    public init(sessionID: String, questionID: String, reviewerID: String, decidedAt: Date, previousScore: Double, score: Double, note: String) {
        self.sessionID = sessionID
        self.questionID = questionID
        self.reviewerID = reviewerID
        self.decidedAt = decidedAt
        self.previousScore = previousScore
        self.score = score
        self.note = note
    }
}

/// Question banks, sessions, answers, reviews and verified skills.
public protocol AssessmentRepository: Sendable {
    /// Adds new questions and replaces changed ones (by id), in one transaction.
    func saveQuestions(_ questions: [AssessmentQuestion]) async throws -> QuestionImportSummary
    /// A skill's questions, or every question when `skillID` is nil.
    func questions(skillID: String?) async throws -> [AssessmentQuestion]
    func question(id: String) async throws -> AssessmentQuestion?
    func bankedSkills() async throws -> [BankedSkill]

    /// Sessions started for the skill and, per question, how many of them showed it.
    func exposures(skillID: String) async throws -> (takers: Int, exposures: [String: Int])
    func seenQuestions(userID: String, skillID: String) async throws -> Set<String>
    func latestSession(userID: String, skillID: String) async throws -> InterviewSession?
    func insert(_ session: InterviewSession) async throws
    func session(id: String, owner: String) async throws -> InterviewSession?
    func session(id: String) async throws -> InterviewSession?
    func sessions(owner: String) async throws -> [InterviewSession]

    func answers(sessionID: String) async throws -> [SessionAnswer]
    /// Saves (or replaces) an answer while the session is still in progress; false when it no longer is.
    func saveAnswer(_ answer: SessionAnswer) async throws -> Bool
    func addSignal(_ signal: SessionSignal) async throws
    func signals(sessionID: String) async throws -> [SessionSignal]
    /// Other sessions' answers to the question with the same fingerprint: (session, user).
    func sameAnswers(questionID: String, fingerprint: String, excludingSession: String) async throws -> [(sessionID: String, userID: String)]

    /// Writes the session's marking and its answers' markings and review states, only if the session
    /// is still in progress; false when another request marked it first.
    func finish(_ session: InterviewSession, answers: [SessionAnswer]) async throws -> Bool
    /// Answers waiting for a reviewer, oldest session first.
    func pendingReviews(limit: Int) async throws -> [ReviewItem]
    /// Records a reviewer's decision and its audit entry together; false when the answer was not pending.
    func decide(_ decision: ReviewDecision) async throws -> Bool
    func decisions(sessionID: String) async throws -> [ReviewDecision]
    /// Keeps a language model's reading of an answer beside its marking.
    func saveSecondOpinion(sessionID: String, questionID: String, opinion: String) async throws
    /// Marks a reviewed session final with its level.
    func complete(_ session: InterviewSession) async throws

    func saveVerifiedSkill(_ skill: VerifiedSkill) async throws
    func verifiedSkills(userID: String) async throws -> [VerifiedSkill]
}

/// A skill level proven by an assessment, valid until `expiresAt`.
public struct VerifiedSkill: Sendable, Equatable {
    public var userID: String
    public var skillID: String
    public var level: Int
    public var score: Int
    public var sessionID: String
    public var verifiedAt: Date
    public var expiresAt: Date

    public init(userID: String, skillID: String, level: Int, score: Int, sessionID: String, verifiedAt: Date, expiresAt: Date) {
        self.userID = userID
        self.skillID = skillID
        self.level = level
        self.score = score
        self.sessionID = sessionID
        self.verifiedAt = verifiedAt
        self.expiresAt = expiresAt
    }

    public func isValid(at time: Date) -> Bool { expiresAt > time }
}

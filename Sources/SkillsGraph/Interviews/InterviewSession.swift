import Foundation

/// One timed attempt at one skill's assessment.
public struct InterviewSession: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Questions may be answered until the deadline.
        case inProgress = "in_progress"
        /// Marked; some answers wait for a reviewer before the level is final.
        case inReview = "in_review"
        /// Marked and final.
        case completed
    }

    public var id: String
    public var userID: String
    public var skillID: String
    public var status: Status
    public var startedAt: Date
    public var deadline: Date
    public var finishedAt: Date?
    /// The questions in this session's own order.
    public var questionIDs: [String]
    /// 0–100 once marked.
    public var score: Int?
    /// The level the session verified (0: none), once marked; final when `completed`.
    public var level: Int?

    public init(id: String, userID: String, skillID: String, status: Status, startedAt: Date, deadline: Date, finishedAt: Date? = nil,
                questionIDs: [String], score: Int? = nil, level: Int? = nil) {
        self.id = id
        self.userID = userID
        self.skillID = skillID
        self.status = status
        self.startedAt = startedAt
        self.deadline = deadline
        self.finishedAt = finishedAt
        self.questionIDs = questionIDs
        self.score = score
        self.level = level
    }
}

/// One saved answer of a session, with its marking once the session is marked.
public struct SessionAnswer: Sendable, Equatable {
    public var sessionID: String
    public var questionID: String
    public var value: AnswerValue
    /// Server time of the last save.
    public var answeredAt: Date
    public var marking: AnswerMarking?
    /// Set when the answer's text is the same as another candidate's.
    public var fingerprint: String?
    public var review: AnswerReview?

    public init(sessionID: String, questionID: String, value: AnswerValue, answeredAt: Date, marking: AnswerMarking? = nil,
                fingerprint: String? = nil, review: AnswerReview? = nil) {
        self.sessionID = sessionID
        self.questionID = questionID
        self.value = value
        self.answeredAt = answeredAt
        self.marking = marking
        self.fingerprint = fingerprint
        self.review = review
    }

    /// The score that counts: the reviewer's when there is one, else the marking's.
    public var effectiveScore: Double { review?.decidedScore ?? marking?.score ?? 0 }
}

/// Where an answer stands with the human review queue.
public struct AnswerReview: Sendable, Equatable {
    public enum Status: String, Sendable, Codable { case pending, decided }

    public var status: Status
    /// Why it was queued ("low confidence 0.45", "same text as another candidate's answer").
    public var reasons: [String]
    public var decidedScore: Double?
    public var reviewerID: String?
    public var decidedAt: Date?
    public var note: String?
    /// An LLM's reading of the rubric, shown beside the rubric score; never counts.
    public var secondOpinion: String?

    public init(status: Status, reasons: [String], decidedScore: Double? = nil, reviewerID: String? = nil, decidedAt: Date? = nil,
                note: String? = nil, secondOpinion: String? = nil) {
        self.status = status
        self.reasons = reasons
        self.decidedScore = decidedScore
        self.reviewerID = reviewerID
        self.decidedAt = decidedAt
        self.note = note
        self.secondOpinion = secondOpinion
    }
}

/// A signal the assessment page reports (pasted text, the tab hidden): shown to reviewers, never
/// failing anyone by itself. Its time is the server's.
public struct SessionSignal: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case paste, tabHidden = "tab_hidden", windowBlur = "window_blur", copy
    }

    public var sessionID: String
    public var kind: Kind
    public var questionID: String?
    public var at: Date
    /// For pastes: how many characters.
    public var size: Int?

    public init(sessionID: String, kind: Kind, questionID: String?, at: Date, size: Int?) {
        self.sessionID = sessionID
        self.kind = kind
        self.questionID = questionID
        self.at = at
        self.size = size
    }
}

import Foundation
import SkillsGraph
import SQLKit

/// Question banks, interview sessions, answers and signals over SQLKit (marking, reviews and verified
/// skills are in `+Marking`).
/// Scores are stored in thousandths; a question is stored whole as JSON beside the columns it is
/// looked up by.
public struct SQLAssessmentRepository: AssessmentRepository {
    let store: any SQLStore
    private let clock: @Sendable () -> Date

    public init(store: any SQLStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public func saveQuestions(_ questions: [AssessmentQuestion]) async throws -> QuestionImportSummary {
        let bodies = try questions.map { ($0, try StoredJSON.encode($0)) }
        let now = Milliseconds.from(clock())
        return try await store.transaction { database in
            var summary = QuestionImportSummary()
            for (question, body) in bodies {
                let existing = try await database.raw("SELECT body FROM assessment_questions WHERE id = \(bind: question.id)").first()
                    .map { try $0.decode(column: "body", as: String.self) }
                if existing == body { summary.unchanged += 1; continue }
                try await database.raw("""
                    INSERT INTO assessment_questions (id, skill_id, level, kind, body, updated_at)
                    VALUES (\(bind: question.id), \(bind: question.skillID), \(bind: question.level), \(bind: question.kind.rawValue), \(bind: body), \(bind: now))
                    ON CONFLICT (id) DO UPDATE SET skill_id = excluded.skill_id, level = excluded.level, kind = excluded.kind,
                        body = excluded.body, updated_at = excluded.updated_at
                    """).run()
                if existing == nil { summary.added += 1 } else { summary.updated += 1 }
            }
            return summary
        }
    }

    public func questions(skillID: String?) async throws -> [AssessmentQuestion] {
        try await store.read { database in
            let rows = if let skillID {
                try await database.raw("SELECT body FROM assessment_questions WHERE skill_id = \(bind: skillID) ORDER BY id").all()
            } else {
                try await database.raw("SELECT body FROM assessment_questions ORDER BY skill_id, level, id").all()
            }
            return try rows.map { try StoredJSON.decode(AssessmentQuestion.self, try $0.decode(column: "body", as: String.self)) }
        }
    }

    public func question(id: String) async throws -> AssessmentQuestion? {
        try await store.read { database in
            try await database.raw("SELECT body FROM assessment_questions WHERE id = \(bind: id)").first()
                .map { try StoredJSON.decode(AssessmentQuestion.self, try $0.decode(column: "body", as: String.self)) }
        }
    }

    public func bankedSkills() async throws -> [BankedSkill] {
        try await store.read { database in
            let rows = try await database.raw("""
                SELECT skill_id, level, COUNT(*) AS questions FROM assessment_questions GROUP BY skill_id, level ORDER BY skill_id, level
                """).all()
            var skills: [String: [Int: Int]] = [:]
            for row in rows {
                skills[try row.decode(column: "skill_id", as: String.self), default: [:]][try row.decode(column: "level", as: Int.self)] =
                    try row.decode(column: "questions", as: Int.self)
            }
            return skills.sorted { $0.key < $1.key }.map { BankedSkill(skillID: $0.key, questionsPerLevel: $0.value) }
        }
    }

    public func exposures(skillID: String) async throws -> (takers: Int, exposures: [String: Int]) {
        try await store.read { database in
            let takers = try await database.raw("SELECT COUNT(*) AS takers FROM interview_sessions WHERE skill_id = \(bind: skillID)").first()?
                .decode(column: "takers", as: Int.self) ?? 0
            var exposures: [String: Int] = [:]
            for row in try await database.raw("""
                SELECT question_id, COUNT(*) AS shown FROM interview_exposures WHERE skill_id = \(bind: skillID) GROUP BY question_id
                """).all() {
                exposures[try row.decode(column: "question_id", as: String.self)] = try row.decode(column: "shown", as: Int.self)
            }
            return (takers, exposures)
        }
    }

    public func seenQuestions(userID: String, skillID: String) async throws -> Set<String> {
        try await store.read { database in
            Set(try await database.raw("""
                SELECT question_id FROM interview_exposures WHERE user_id = \(bind: userID) AND skill_id = \(bind: skillID)
                """).all().map { try $0.decode(column: "question_id", as: String.self) })
        }
    }

    public func latestSession(userID: String, skillID: String) async throws -> InterviewSession? {
        try await store.read { database in
            try await database.raw("""
                SELECT * FROM interview_sessions WHERE user_id = \(bind: userID) AND skill_id = \(bind: skillID)
                ORDER BY started_at DESC, id DESC LIMIT 1
                """).first().map(Self.session)
        }
    }

    public func insert(_ session: InterviewSession) async throws {
        let questionIDs = try StoredJSON.encode(session.questionIDs)
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO interview_sessions (id, user_id, skill_id, status, started_at, deadline, finished_at, question_ids, score, level)
                VALUES (\(bind: session.id), \(bind: session.userID), \(bind: session.skillID), \(bind: session.status.rawValue),
                        \(bind: Milliseconds.from(session.startedAt)), \(bind: Milliseconds.from(session.deadline)), NULL, \(bind: questionIDs),
                        NULL, NULL)
                """).run()
            for questionID in session.questionIDs {
                try await database.raw("""
                    INSERT INTO interview_exposures (session_id, question_id, skill_id, user_id)
                    VALUES (\(bind: session.id), \(bind: questionID), \(bind: session.skillID), \(bind: session.userID))
                    """).run()
            }
        }
    }

    public func session(id: String, owner: String) async throws -> InterviewSession? {
        try await store.read { database in
            try await database.raw("SELECT * FROM interview_sessions WHERE id = \(bind: id) AND user_id = \(bind: owner)").first().map(Self.session)
        }
    }

    public func session(id: String) async throws -> InterviewSession? {
        try await store.read { database in
            try await database.raw("SELECT * FROM interview_sessions WHERE id = \(bind: id)").first().map(Self.session)
        }
    }

    public func sessions(owner: String) async throws -> [InterviewSession] {
        try await store.read { database in
            try await database.raw("SELECT * FROM interview_sessions WHERE user_id = \(bind: owner) ORDER BY started_at DESC, id").all().map(Self.session)
        }
    }

    public func answers(sessionID: String) async throws -> [SessionAnswer] {
        try await store.read { database in
            try await database.raw("""
                SELECT a.*, q.kind FROM interview_answers a LEFT JOIN assessment_questions q ON q.id = a.question_id
                WHERE a.session_id = \(bind: sessionID) ORDER BY a.question_id
                """).all().map { row in
                try Self.answer(row, kind: try row.decode(column: "kind", as: String?.self).flatMap(AssessmentQuestion.Kind.init(rawValue:)) ?? .openAnswer)
            }
        }
    }

    public func saveAnswer(_ answer: SessionAnswer) async throws -> Bool {
        try await store.transaction { database in
            guard try await database.raw("""
                SELECT id FROM interview_sessions WHERE id = \(bind: answer.sessionID) AND status = 'in_progress'
                """).first() != nil else { return false }
            try await database.raw("""
                INSERT INTO interview_answers (session_id, question_id, answer, answered_at)
                VALUES (\(bind: answer.sessionID), \(bind: answer.questionID), \(bind: answer.value.stored), \(bind: Milliseconds.from(answer.answeredAt)))
                ON CONFLICT (session_id, question_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at
                """).run()
            return true
        }
    }

    public func addSignal(_ signal: SessionSignal) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO interview_signals (session_id, kind, question_id, at, size)
                VALUES (\(bind: signal.sessionID), \(bind: signal.kind.rawValue), \(bind: signal.questionID), \(bind: Milliseconds.from(signal.at)),
                        \(bind: signal.size))
                """).run()
        }
    }

    public func signals(sessionID: String) async throws -> [SessionSignal] {
        try await store.read { database in
            try await database.raw("SELECT * FROM interview_signals WHERE session_id = \(bind: sessionID) ORDER BY at, id").all().map { row in
                SessionSignal(sessionID: sessionID, kind: SessionSignal.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .paste,
                              questionID: try row.decode(column: "question_id", as: String?.self),
                              at: Milliseconds.date(try row.decode(column: "at", as: Int64.self)), size: try row.decode(column: "size", as: Int?.self))
            }
        }
    }

    public func sameAnswers(questionID: String, fingerprint: String, excludingSession: String) async throws -> [(sessionID: String, userID: String)] {
        try await store.read { database in
            try await database.raw("""
                SELECT a.session_id, s.user_id FROM interview_answers a JOIN interview_sessions s ON s.id = a.session_id
                WHERE a.question_id = \(bind: questionID) AND a.fingerprint = \(bind: fingerprint) AND a.session_id <> \(bind: excludingSession)
                """).all().map { (try $0.decode(column: "session_id", as: String.self), try $0.decode(column: "user_id", as: String.self)) }
        }
    }

    static func verified(_ row: any SQLRow) throws -> VerifiedSkill {
        VerifiedSkill(userID: try row.decode(column: "user_id", as: String.self), skillID: try row.decode(column: "skill_id", as: String.self),
                      level: try row.decode(column: "level", as: Int.self), score: try row.decode(column: "score", as: Int.self),
                      sessionID: try row.decode(column: "session_id", as: String.self),
                      verifiedAt: Milliseconds.date(try row.decode(column: "verified_at", as: Int64.self)),
                      expiresAt: Milliseconds.date(try row.decode(column: "expires_at", as: Int64.self)))
    }

    static func thousandths(_ score: Double) -> Int64 { Int64((score * 1000).rounded()) }

    static func session(_ row: any SQLRow) throws -> InterviewSession {
        InterviewSession(
            id: try row.decode(column: "id", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            skillID: try row.decode(column: "skill_id", as: String.self),
            status: InterviewSession.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .inProgress,
            startedAt: Milliseconds.date(try row.decode(column: "started_at", as: Int64.self)),
            deadline: Milliseconds.date(try row.decode(column: "deadline", as: Int64.self)),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Milliseconds.date),
            questionIDs: try StoredJSON.decode([String].self, try row.decode(column: "question_ids", as: String.self)),
            score: try row.decode(column: "score", as: Int?.self), level: try row.decode(column: "level", as: Int?.self))
    }

    private static func answer(_ row: any SQLRow, kind: AssessmentQuestion.Kind) throws -> SessionAnswer {
        let reviewStatus = try row.decode(column: "review_status", as: String?.self).flatMap(AnswerReview.Status.init(rawValue:))
        let review = try reviewStatus.map { status in
            AnswerReview(status: status, reasons: try row.decode(column: "review_reasons", as: String?.self).map { try StoredJSON.decode([String].self, $0) } ?? [],
                         decidedScore: try row.decode(column: "decided_score", as: Int64?.self).map { Double($0) / 1000 },
                         reviewerID: try row.decode(column: "reviewer_id", as: String?.self),
                         decidedAt: try row.decode(column: "decided_at", as: Int64?.self).map(Milliseconds.date),
                         note: try row.decode(column: "review_note", as: String?.self),
                         secondOpinion: try row.decode(column: "second_opinion", as: String?.self))
        }
        return SessionAnswer(
            sessionID: try row.decode(column: "session_id", as: String.self), questionID: try row.decode(column: "question_id", as: String.self),
            value: AnswerValue.stored(try row.decode(column: "answer", as: String.self), kind: kind),
            answeredAt: Milliseconds.date(try row.decode(column: "answered_at", as: Int64.self)),
            marking: try row.decode(column: "marking", as: String?.self).map { try StoredJSON.decode(AnswerMarking.self, $0) },
            fingerprint: try row.decode(column: "fingerprint", as: String?.self), review: review)
    }
}

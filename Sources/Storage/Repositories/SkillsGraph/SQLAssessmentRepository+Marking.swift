import Foundation
import SkillsGraph
import SQLKit

/// Marking, the review queue and its audit, second opinions, and verified skills.
extension SQLAssessmentRepository {
    public func finish(_ session: InterviewSession, answers: [SessionAnswer]) async throws -> Bool {
        let stored = try answers.map { answer in
            (answer, try answer.marking.map(StoredJSON.encode), try answer.review.map { try StoredJSON.encode($0.reasons) })
        }
        return try await store.transaction { database in
            guard try await database.raw("""
                UPDATE interview_sessions SET status = \(bind: session.status.rawValue), finished_at = \(bind: session.finishedAt.map(Milliseconds.from)),
                    score = \(bind: session.score), level = \(bind: session.level)
                WHERE id = \(bind: session.id) AND status = 'in_progress' RETURNING id
                """).first() != nil else { return false }
            for (answer, marking, reasons) in stored {
                try await database.raw("""
                    INSERT INTO interview_answers (session_id, question_id, answer, answered_at, marking, fingerprint, review_status, review_reasons)
                    VALUES (\(bind: answer.sessionID), \(bind: answer.questionID), \(bind: answer.value.stored), \(bind: Milliseconds.from(answer.answeredAt)),
                            \(bind: marking), \(bind: answer.fingerprint), \(bind: answer.review?.status.rawValue), \(bind: reasons))
                    ON CONFLICT (session_id, question_id) DO UPDATE SET marking = excluded.marking, fingerprint = excluded.fingerprint,
                        review_status = excluded.review_status, review_reasons = excluded.review_reasons
                    """).run()
            }
            return true
        }
    }

    public func pendingReviews(limit: Int) async throws -> [ReviewItem] {
        let pairs = try await store.read { database in
            try await database.raw("""
                SELECT a.session_id, a.question_id FROM interview_answers a JOIN interview_sessions s ON s.id = a.session_id
                WHERE a.review_status = 'pending' ORDER BY s.finished_at, a.session_id, a.question_id LIMIT \(bind: limit)
                """).all().map { (try $0.decode(column: "session_id", as: String.self), try $0.decode(column: "question_id", as: String.self)) }
        }
        // Each session and its answers are read once, however many of its answers wait.
        var items: [ReviewItem] = []
        var read: [String: (session: InterviewSession, answers: [String: SessionAnswer])] = [:]
        for (sessionID, questionID) in pairs {
            if read[sessionID] == nil, let session = try await session(id: sessionID) {
                read[sessionID] = (session, Dictionary(try await answers(sessionID: sessionID).map { ($0.questionID, $0) }, uniquingKeysWith: { $1 }))
            }
            guard let found = read[sessionID], let answer = found.answers[questionID] else { continue }
            items.append(ReviewItem(session: found.session, answer: answer))
        }
        return items
    }

    public func decide(_ decision: ReviewDecision) async throws -> Bool {
        try await store.transaction { database in
            guard try await database.raw("""
                UPDATE interview_answers SET review_status = 'decided', decided_score = \(bind: Self.thousandths(decision.score)),
                    reviewer_id = \(bind: decision.reviewerID), decided_at = \(bind: Milliseconds.from(decision.decidedAt)),
                    review_note = \(bind: decision.note)
                WHERE session_id = \(bind: decision.sessionID) AND question_id = \(bind: decision.questionID) AND review_status = 'pending'
                RETURNING session_id
                """).first() != nil else { return false }
            try await database.raw("""
                INSERT INTO assessment_review_audit (session_id, question_id, reviewer_id, decided_at, previous_score, score, note)
                VALUES (\(bind: decision.sessionID), \(bind: decision.questionID), \(bind: decision.reviewerID),
                        \(bind: Milliseconds.from(decision.decidedAt)), \(bind: Self.thousandths(decision.previousScore)),
                        \(bind: Self.thousandths(decision.score)), \(bind: decision.note))
                """).run()
            return true
        }
    }

    public func decisions(sessionID: String) async throws -> [ReviewDecision] {
        try await store.read { database in
            try await database.raw("SELECT * FROM assessment_review_audit WHERE session_id = \(bind: sessionID) ORDER BY id").all().map { row in
                ReviewDecision(sessionID: sessionID, questionID: try row.decode(column: "question_id", as: String.self),
                               reviewerID: try row.decode(column: "reviewer_id", as: String.self),
                               decidedAt: Milliseconds.date(try row.decode(column: "decided_at", as: Int64.self)),
                               previousScore: Double(try row.decode(column: "previous_score", as: Int64.self)) / 1000,
                               score: Double(try row.decode(column: "score", as: Int64.self)) / 1000,
                               note: try row.decode(column: "note", as: String.self))
            }
        }
    }

    public func saveSecondOpinion(sessionID: String, questionID: String, opinion: String) async throws {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE interview_answers SET second_opinion = \(bind: opinion) WHERE session_id = \(bind: sessionID) AND question_id = \(bind: questionID)
                """).run()
        }
    }

    public func complete(_ session: InterviewSession) async throws {
        try await store.transaction { database in
            try await database.raw("""
                UPDATE interview_sessions SET status = \(bind: session.status.rawValue), score = \(bind: session.score), level = \(bind: session.level)
                WHERE id = \(bind: session.id)
                """).run()
        }
    }

    public func saveVerifiedSkill(_ skill: VerifiedSkill) async throws {
        try await store.transaction { database in
            try await database.raw("""
                INSERT INTO verified_skills (user_id, skill_id, level, score, session_id, verified_at, expires_at)
                VALUES (\(bind: skill.userID), \(bind: skill.skillID), \(bind: skill.level), \(bind: skill.score), \(bind: skill.sessionID),
                        \(bind: Milliseconds.from(skill.verifiedAt)), \(bind: Milliseconds.from(skill.expiresAt)))
                ON CONFLICT (user_id, skill_id) DO UPDATE SET level = excluded.level, score = excluded.score, session_id = excluded.session_id,
                    verified_at = excluded.verified_at, expires_at = excluded.expires_at
                """).run()
        }
    }

    public func verifiedSkills(userID: String) async throws -> [VerifiedSkill] {
        try await store.read { database in
            try await database.raw("SELECT * FROM verified_skills WHERE user_id = \(bind: userID) ORDER BY skill_id").all().map(Self.verified)
        }
    }
}

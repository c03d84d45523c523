import Foundation

/// What follows a marked session: a final level becomes a verified skill on the candidate's
/// profile (a lower result never replaces a valid higher one), and the candidate is told.
public struct AssessmentResults: Sendable {
    let repository: any AssessmentRepository
    let notifications: NotificationService
    let policy: InterviewPolicy
    let skillName: @Sendable (String) -> String?
    /// Queues a language model's second opinion on a session's answers under review, when one is configured.
    let requestSecondOpinion: (@Sendable (String) async throws -> Void)?

    public init(repository: any AssessmentRepository, notifications: NotificationService, policy: InterviewPolicy,
                skillName: @escaping @Sendable (String) -> String?, requestSecondOpinion: (@Sendable (String) async throws -> Void)? = nil) {
        self.repository = repository
        self.notifications = notifications
        self.policy = policy
        self.skillName = skillName
        self.requestSecondOpinion = requestSecondOpinion
    }

    func settled(_ session: InterviewSession) async throws {
        let name = skillName(session.skillID) ?? session.skillID
        let link = "/assessments/\(session.id)"
        guard session.status == .completed else {
            try await requestSecondOpinion?(session.id)
            try await notifications.notify(userID: session.userID, kind: .assessmentResult, title: "\(name) assessment is being reviewed",
                                           body: "A reviewer is looking at some of your answers; your level follows when they are done.",
                                           link: link, key: "assessment-review:\(session.id)")
            return
        }
        let level = session.level ?? 0
        let finished = session.finishedAt ?? session.deadline
        if level > 0 {
            let current = try await repository.verifiedSkills(userID: session.userID).first { $0.skillID == session.skillID }
            // A valid higher level stays; anything else gives way to this result.
            if !(current.map { $0.isValid(at: finished) && $0.level > level } ?? false) {
                try await repository.saveVerifiedSkill(VerifiedSkill(
                    userID: session.userID, skillID: session.skillID, level: level, score: session.score ?? 0, sessionID: session.id,
                    verifiedAt: finished, expiresAt: finished.addingTimeInterval(policy.validity)))
            }
        }
        let levelName = AssessmentQuestion.levelNames[level].map { "\($0) level (\(level))" } ?? "no level yet"
        try await notifications.notify(
            userID: session.userID, kind: .assessmentResult, title: "\(name) assessment: \(levelName)",
            body: level > 0 ? "You scored \(session.score ?? 0)/100 and verified \(name) at the \(levelName)."
                : "You scored \(session.score ?? 0)/100; the foundation level needs \(Int(policy.passMark * 100)). You can try again after the cool-down.",
            link: link, key: "assessment-result:\(session.id)")
    }
}

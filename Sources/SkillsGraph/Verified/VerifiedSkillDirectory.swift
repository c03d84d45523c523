import Domain
import Foundation
import JobPostings

/// Verified skills as the rest of the product reads them: the candidate's profile shows them, and
/// job match counts them in full.
public struct VerifiedSkillDirectory: VerifiedSkillSource {
    let repository: any AssessmentRepository
    let clock: any WallClock
    let skillName: @Sendable (String) -> String?

    public init(repository: any AssessmentRepository, clock: any WallClock, skillName: @escaping @Sendable (String) -> String?) {
        self.repository = repository
        self.clock = clock
        self.skillName = skillName
    }

    /// Valid verified skills, highest level first.
    public func verifiedSkills(userID: String) async throws -> [VerifiedSkill] {
        let now = clock.now()
        return try await repository.verifiedSkills(userID: userID).filter { $0.isValid(at: now) }
            .sorted { $0.level != $1.level ? $0.level > $1.level : $0.skillID < $1.skillID }
    }

    public func verifiedSkillNames(userID: String) async throws -> [String] {
        try await verifiedSkills(userID: userID).compactMap { skillName($0.skillID) }
    }

    /// Verified level by lowercased skill name, for matching's reasons.
    public func levels(userID: String) async throws -> [String: Int] {
        var levels: [String: Int] = [:]
        for skill in try await verifiedSkills(userID: userID) {
            if let name = skillName(skill.skillID)?.lowercased() { levels[name] = max(levels[name] ?? 0, skill.level) }
        }
        return levels
    }
}

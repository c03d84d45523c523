import Domain
import Foundation

/// The question banks: import (admins and the CLI), export, and which skills have an assessment.
public struct AssessmentBankService: Sendable {
    let repository: any AssessmentRepository
    /// A skill's display name for its id, or nil when the taxonomy does not know it.
    public let skillName: @Sendable (String) -> String?

    public init(repository: any AssessmentRepository, skillName: @escaping @Sendable (String) -> String?) {
        self.repository = repository
        self.skillName = skillName
    }

    /// Reads and stores a bank file; nothing is stored unless every question is valid.
    public func importBank(_ data: Data) async throws -> QuestionImportSummary {
        let bank = try QuestionBank.read(data, knownSkill: { skillName($0) != nil })
        return try await repository.saveQuestions(bank.questions)
    }

    public func exportBank(skillID: String? = nil) async throws -> QuestionBank {
        QuestionBank(licence: "See the licence of each imported bank.", questions: try await repository.questions(skillID: skillID))
    }

    /// Whether no skill has an assessment yet. Asks no skill's name, so a server's start need not wait for the taxonomy.
    public func isEmpty() async throws -> Bool {
        try await repository.bankedSkills().isEmpty
    }

    /// Skills with an assessment, by name, with their question counts.
    public func skills() async throws -> [(skillID: String, name: String, questionsPerLevel: [Int: Int])] {
        try await repository.bankedSkills().map { ($0.skillID, skillName($0.skillID) ?? $0.skillID, $0.questionsPerLevel) }
            .sorted { $0.1.lowercased() < $1.1.lowercased() }
    }

    public func isAdmin(_ actor: Actor) -> Bool { actor.isAdmin }
}

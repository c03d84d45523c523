import Domain
import Foundation
import JobPostings

/// `POST /resumes/{id}/analysis`: a resume scored alone, against a posting, or against a role as the market asks for it.
public struct ResumeAnalysisService: Sendable {
    private let resumes: ResumeService
    private let jobs: JobSearchService
    private let skills: SkillExtractor
    private let wording: SuggestionWording

    /// How many of a role's most asked-for skills a resume is compared against.
    static let roleSkillCount = 15

    public init(resumes: ResumeService, jobs: JobSearchService, skills: SkillExtractor, wording: SuggestionWording = SuggestionWording(model: nil)) {
        self.resumes = resumes
        self.jobs = jobs
        self.skills = skills
        self.wording = wording
    }

    public func analyze(actor: Actor, resumeID: String, jobID: String? = nil, targetRole: String? = nil) async throws -> ResumeAnalysis {
        let resume = try await resumes.resume(actor: actor, id: resumeID)
        var analysis = ResumeAnalyzer(taxonomy: skills.taxonomy).analyze(resume, target: try await target(jobID: jobID, role: targetRole))
        (analysis.suggestions, analysis.suggestionsReworded) = await wording.reword(analysis.suggestions)
        return analysis
    }

    func target(jobID: String?, role: String?) async throws -> ResumeAnalyzer.Target? {
        if let jobID {
            let posting = try await jobs.posting(jobID: jobID)
            // Required skills first, so a long list shows what matters most.
            let asked = skills.skills(of: posting).sorted { $0.isRequired && !$1.isRequired }
            return ResumeAnalyzer.Target(label: "the posting \"\(posting.title)\"", skills: asked.map(\.name))
        }
        if let role = role?.trimmingCharacters(in: .whitespaces), !role.isEmpty {
            var query = JobSearchQuery(text: role, limit: 1)
            query.titleOnly = true
            let market = try await jobs.search(query)
            let names = market.facets.skills.prefix(Self.roleSkillCount).map(\.value)
            return ResumeAnalyzer.Target(label: "the \(role) role (\(market.total) open postings)", skills: Array(names))
        }
        return nil
    }
}

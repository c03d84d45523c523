import Foundation

/// Scores a resume against Wayfinder's published rubric (docs/resume-rubric.md). Every number comes
/// from counting what the resume holds; the same resume and target always give the same analysis.
public struct ResumeAnalyzer: Sendable {
    /// What the resume is measured against: a posting's skills or a role's most asked-for skills.
    public struct Target: Sendable {
        public var label: String
        public var skills: [String]

        public init(label: String, skills: [String]) {
            self.label = label
            self.skills = skills
        }
    }

    /// Names a resume's skill as the target names it. A resume's skill keeps the resume's spelling
    /// ("Organisational skills"), while a posting's and a role's skills carry the taxonomy's name.
    private let taxonomy: SkillTaxonomy?

    public init(taxonomy: SkillTaxonomy? = nil) {
        self.taxonomy = taxonomy
    }

    public func analyze(_ resume: Resume, target: Target?) -> ResumeAnalysis {
        var report = AnalysisReport(resume: resume)
        report.score(sectionsOf: resume)
        report.score(contactOf: resume)
        report.score(achievementsOf: resume)
        report.score(verbsOf: resume)
        report.score(lengthOf: resume)
        report.score(datesOf: resume)
        report.score(keywordsOf: resume, against: target) { taxonomy?.name(of: $0) ?? $0.concept.name }
        let total = report.components.reduce(0) { $0 + $1.score * $1.weight }
        let weights = report.components.reduce(0) { $0 + $1.weight }
        return ResumeAnalysis(
            atsScore: weights == 0 ? 0 : Int((Double(total) / Double(weights)).rounded()),
            components: report.components, strengths: report.strengths, weaknesses: report.weaknesses,
            suggestions: report.suggestions, targetSkills: target?.skills ?? []
        )
    }
}

/// The analysis being written: components and findings in rubric order.
struct AnalysisReport {
    let resume: Resume
    private let scalars: [Unicode.Scalar]
    var components: [ScoreComponent] = []
    var strengths: [Finding] = []
    var weaknesses: [Finding] = []
    var suggestions: [Finding] = []

    init(resume: Resume) {
        self.resume = resume
        scalars = Array(resume.text.unicodeScalars)
    }

    func quote(_ span: TextSpan) -> Finding.Quote? {
        guard span.start >= 0, span.end <= scalars.count, span.start < span.end else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return Finding.Quote(text: String(view), start: span.start, end: span.end)
    }

    func quote(_ line: ResumeLine) -> Finding.Quote? { quote(line.span) }

    var bullets: [ResumeLine] { resume.parsed.experience.flatMap(\.bullets) }

    func section(_ kind: ResumeSection.Kind) -> ResumeSection? { resume.parsed.sections.first { $0.kind == kind } }

    /// The heading line of a section, or the section's first line.
    func headingQuote(_ kind: ResumeSection.Kind) -> Finding.Quote? {
        guard let section = section(kind) else { return nil }
        let length = section.heading?.unicodeScalars.count ?? 0
        if length > 0, let found = quoteSearching(section.heading!, near: section.span.start) { return found }
        return quote(TextSpan(start: section.span.start, end: min(section.span.end, section.span.start + max(length, 40))))
    }

    /// Where `text` first occurs at or before `offset` (headings sit just before their section's lines).
    func quoteSearching(_ text: String, near offset: Int) -> Finding.Quote? {
        let needle = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        var start = min(offset, scalars.count - needle.count)
        while start >= 0 {
            if scalars[start..<(start + needle.count)].elementsEqual(needle) {
                return quote(TextSpan(start: start, end: start + needle.count))
            }
            start -= 1
        }
        return nil
    }
}

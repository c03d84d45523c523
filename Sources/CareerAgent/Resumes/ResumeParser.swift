import Foundation

/// Reads a resume's text into its parts: contact details, summary, experience, education,
/// certifications and skills. Deterministic: the same text and reference date give the same result.
public struct ResumeParser: Sendable {
    let extractor: SkillExtractor

    public init(extractor: SkillExtractor) {
        self.extractor = extractor
    }

    /// `asOf` is when "Present" is: the moment the resume was uploaded.
    public func parse(_ text: String, asOf reference: Date) -> ParsedResume {
        let lines = ResumeLines(text).lines
        let blocks = Self.sections(of: lines)
        var resume = ParsedResume()
        resume.sections = blocks.map { block in
            ResumeSection(kind: block.kind, heading: block.heading,
                          span: TextSpan(start: block.lines.first?.start ?? 0, end: block.lines.last?.end ?? 0))
        }
        let contactLines = blocks.first { $0.kind == .contact }?.lines ?? []
        resume.contact = ResumeContactReader.read(contactLines.isEmpty ? Array(lines.prefix(6)) : contactLines)
        if let summary = blocks.first(where: { $0.kind == .summary }) {
            let text = summary.lines.filter { !$0.isBlank }.map(\.trimmed).joined(separator: " ")
            resume.summary = text.isEmpty ? nil : text
        }
        for block in blocks where block.kind == .experience {
            resume.experience += ExperienceReader.entries(in: block.lines)
        }
        for block in blocks where block.kind == .education {
            resume.education += Self.education(in: block.lines)
        }
        for block in blocks where block.kind == .certifications {
            resume.certifications += block.lines.filter { !$0.isBlank }.map(\.content)
        }
        resume.skills = extractor.extract(from: text, kind: .resume)
        resume.totalYearsOfExperience = Self.years(of: resume.experience, asOf: reference)
        return resume
    }

    struct Block {
        var kind: ResumeSection.Kind
        var heading: String?
        var lines: [ResumeLines.Line]
    }

    /// Splits lines at headings; what comes before the first heading is the contact block.
    static func sections(of lines: [ResumeLines.Line]) -> [Block] {
        var blocks = [Block(kind: .contact, heading: nil, lines: [])]
        for line in lines {
            if let kind = ResumeSectionHeadings.kind(of: line.trimmed) {
                blocks.append(Block(kind: kind, heading: line.trimmed, lines: []))
            } else {
                blocks[blocks.count - 1].lines.append(line)
            }
        }
        return blocks.filter { $0.kind != .contact || $0.lines.contains { !$0.isBlank } }
    }

    static let degreeWords = ["bachelor", "master", "b.s", "b.sc", "bsc", "b.a", "ba ", "m.s", "m.sc", "msc", "mba", "ph.d", "phd",
                              "associate", "diploma", "doctor", "degree", "certificate", "high school", "ged", "b.eng", "m.eng", "bs ", "ms ",
                              "apprenticeship", "a.a.s", "aas ", "a.s ", "a.a ", "b.b.a", "bba", "m.a ", "m.ed", "bsn", "msn", "j.d"]
    static let institutionWords = ["university", "college", "institute", "school", "academy", "polytechnic", "universität", "école",
                                   "jatc", "training center", "conservatory", "seminary"]
    /// Words only a degree's name holds: "High School Diploma" is a degree, "W.T. White High School" a school.
    static let degreeOnlyWords = ["bachelor", "master", "diploma", "degree", "certificate", "ged", "apprenticeship", "program"]

    static func education(in lines: [ResumeLines.Line]) -> [EducationEntry] {
        lines.filter { !$0.isBlank }.compactMap { line in
            let lower = line.content.lowercased() + " "
            let hasDegree = degreeWords.contains { lower.contains($0) }
            let hasInstitution = institutionWords.contains { lower.contains($0) }
            guard hasDegree || hasInstitution else { return nil }
            let parts = ExperienceReader.pieces(of: line.content, at: ",|—–")
            func isDegree(_ part: String) -> Bool { degreeWords.contains { (part.lowercased() + " ").contains($0) } }
            func isInstitution(_ part: String) -> Bool { institutionWords.contains { part.lowercased().contains($0) } }
            func isDegreeOnly(_ part: String) -> Bool { degreeOnlyWords.contains { part.lowercased().contains($0) } }
            let institutionIndex = parts.firstIndex { isInstitution($0) && !isDegreeOnly($0) }
                ?? parts.firstIndex(where: isInstitution)
                // "Electrical Apprenticeship Program, Rocky Mountain Electrical JATC": the part after the degree.
                ?? parts.firstIndex(where: isDegree).flatMap { $0 + 1 < parts.count && DateRange.lastYear(in: parts[$0 + 1]) == nil ? $0 + 1 : nil }
            let degree = parts.enumerated().first { $0.offset != institutionIndex && isDegree($0.element) }?.element
            return EducationEntry(
                text: line.content, degree: degree,
                institution: institutionIndex.map { Self.institution(from: parts, at: $0) },
                year: DateRange.lastYear(in: line.content), span: line.span
            )
        }
    }

    /// The institution's part, with the campus or system that a comma put after it:
    /// "University of California, Davis", "Baruch College, CUNY" (but not a state: "…, Austin, TX" stops at Austin).
    static func institution(from parts: [String], at index: Int) -> String {
        var name = parts[index]
        guard index + 1 < parts.count else { return name }
        let next = parts[index + 1]
        let words = next.split(separator: " ")
        let isAcronym = (3...6).contains(next.count) && next.allSatisfy { $0.isUppercase || $0 == "-" }
        let isCampus = name.lowercased().hasPrefix("university of") && (1...2).contains(words.count)
            && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) && !($0.count == 2 && $0.allSatisfy(\.isUppercase)) }
        if isAcronym || isCampus, DateRange.lastYear(in: next) == nil, !degreeWords.contains(where: { (next.lowercased() + " ").contains($0) }) {
            name += ", " + next
        }
        return name
    }

    /// Months covered by at least one entry, in years with one decimal.
    static func years(of entries: [ExperienceEntry], asOf reference: Date) -> Double {
        let calendar = Calendar(identifier: .gregorian)
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = utc.dateComponents([.year, .month], from: reference)
        let now = YearMonth(year: parts.year ?? 2000, month: parts.month ?? 1)
        var months = Set<Int>()
        for entry in entries {
            guard let start = entry.start else { continue }
            let end = entry.isCurrent ? now : (entry.end ?? start)
            guard start <= end else { continue }
            for index in start.index...min(end.index, now.index) { months.insert(index) }
        }
        return (Double(months.count) / 12 * 10).rounded() / 10
    }
}

import Foundation

/// The headings resumes use for their sections, in the words people write them.
enum ResumeSectionHeadings {
    static let byHeading: [String: ResumeSection.Kind] = {
        var table: [String: ResumeSection.Kind] = [:]
        let kinds: [(ResumeSection.Kind, [String])] = [
            (.summary, ["summary", "professional summary", "profile", "professional profile", "about", "about me", "objective",
                        "career objective", "career summary", "overview", "executive summary"]),
            (.experience, ["experience", "work experience", "professional experience", "employment", "employment history",
                           "work history", "career history", "relevant experience", "experience highlights"]),
            (.education, ["education", "education and training", "academic background", "qualifications", "education & training"]),
            (.skills, ["skills", "technical skills", "core skills", "key skills", "core competencies", "competencies", "tools",
                       "technologies", "skills and tools", "skills & tools", "areas of expertise", "expertise", "tech stack"]),
            (.certifications, ["certifications", "certificates", "licenses", "licences", "certifications and licenses",
                               "licenses and certifications", "certifications & licenses", "licenses & certifications",
                               "certification", "credentials"]),
            (.projects, ["projects", "selected projects", "personal projects", "key projects"]),
            (.other, ["awards", "honors", "languages", "publications", "volunteering", "volunteer experience", "interests",
                      "references", "activities", "achievements", "accomplishments"]),
        ]
        for (kind, headings) in kinds { for heading in headings { table[heading] = kind } }
        return table
    }()

    /// The section a line opens, if it is a heading ("EXPERIENCE", "Work History:", "## Skills").
    static func kind(of line: String) -> ResumeSection.Kind? {
        var text = line.trimmingCharacters(in: .whitespaces)
        while let first = text.first, "#*_=".contains(first) { text.removeFirst() }
        while let last = text.last, ":*_=".contains(last) { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty, text.count <= 40 else { return nil }
        return byHeading[text]
    }
}

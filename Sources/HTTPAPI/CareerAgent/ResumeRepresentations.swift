import CareerAgent
import Domain
import Foundation

/// The JSON of resumes: a short form for lists, the whole reading for one resume.
enum ResumeRepresentation {
    static func summary(_ resume: Resume) -> JSONValue {
        .object([
            "id": .string(resume.id),
            "file_name": .string(resume.fileName),
            "content_type": .string(resume.contentType),
            "byte_size": .number(Double(resume.byteSize)),
            "is_primary": .bool(resume.isPrimary),
            "created_at": .string(Timestamps.format(resume.createdAt)),
            "name": resume.parsed.contact.name.map(JSONValue.string) ?? .null,
            "skill_count": .number(Double(resume.parsed.skills.count)),
        ])
    }

    static func full(_ resume: Resume) -> JSONValue {
        guard case .object(var fields) = summary(resume) else { return .null }
        let parsed = resume.parsed
        fields["text"] = .string(resume.text)
        fields["contact"] = .object([
            "name": optional(parsed.contact.name), "email": optional(parsed.contact.email),
            "phone": optional(parsed.contact.phone), "location": optional(parsed.contact.location),
            "links": .array(parsed.contact.links.map(JSONValue.string)),
        ])
        fields["summary"] = optional(parsed.summary)
        fields["experience"] = .array(parsed.experience.map { entry in
            .object([
                "title": optional(entry.title), "employer": optional(entry.employer),
                "start": optional(entry.start?.text), "end": optional(entry.end?.text), "is_current": .bool(entry.isCurrent),
                "bullets": .array(entry.bullets.map(line)), "span": span(entry.span),
            ])
        })
        fields["education"] = .array(parsed.education.map { entry in
            .object([
                "text": .string(entry.text), "degree": optional(entry.degree), "institution": optional(entry.institution),
                "year": entry.year.map { .number(Double($0)) } ?? .null, "span": span(entry.span),
            ])
        })
        fields["certifications"] = .array(parsed.certifications.map(JSONValue.string))
        fields["skills"] = .array(parsed.skills.map(SkillRepresentation.extracted))
        fields["total_years_experience"] = .number(parsed.totalYearsOfExperience)
        fields["sections"] = .array(parsed.sections.map { section in
            .object(["kind": .string(section.kind.rawValue), "heading": optional(section.heading), "span": span(section.span)])
        })
        return .object(fields)
    }

    private static func line(_ line: ResumeLine) -> JSONValue {
        .object(["text": .string(line.text), "start": .number(Double(line.span.start)), "end": .number(Double(line.span.end))])
    }

    private static func span(_ span: TextSpan) -> JSONValue {
        .object(["start": .number(Double(span.start)), "end": .number(Double(span.end))])
    }

    private static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}

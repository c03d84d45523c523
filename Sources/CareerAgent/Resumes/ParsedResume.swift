import Foundation

/// What Wayfinder read out of a resume. Every part keeps where it stood in the text (character
/// offsets), so analysis can quote the words it speaks of.
public struct ParsedResume: Sendable, Equatable, Codable {
    public var contact: ResumeContact
    public var summary: String?
    public var experience: [ExperienceEntry]
    public var education: [EducationEntry]
    public var certifications: [String]
    public var skills: [ExtractedSkill]
    /// Years covered by the experience entries' dates, overlaps counted once.
    public var totalYearsOfExperience: Double
    public var sections: [ResumeSection]

    public init(contact: ResumeContact = ResumeContact(), summary: String? = nil, experience: [ExperienceEntry] = [],
                education: [EducationEntry] = [], certifications: [String] = [], skills: [ExtractedSkill] = [],
                totalYearsOfExperience: Double = 0, sections: [ResumeSection] = []) {
        self.contact = contact
        self.summary = summary
        self.experience = experience
        self.education = education
        self.certifications = certifications
        self.skills = skills
        self.totalYearsOfExperience = totalYearsOfExperience
        self.sections = sections
    }
}

public struct ResumeContact: Sendable, Equatable, Codable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var location: String?
    public var links: [String] = []

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, location: String? = nil, links: [String] = []) {
        self.name = name
        self.email = email
        self.phone = phone
        self.location = location
        self.links = links
    }
}

/// A month of a year, as resumes date things ("Mar 2019", "03/2019", "2019" is January).
public struct YearMonth: Sendable, Equatable, Comparable, Codable {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    var index: Int { year * 12 + (month - 1) }

    public static func < (left: YearMonth, right: YearMonth) -> Bool { left.index < right.index }

    public var text: String { String(format: "%04d-%02d", year, month) }
}

/// A span of the resume text in character offsets.
public struct TextSpan: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

public struct ExperienceEntry: Sendable, Equatable, Codable {
    public var title: String?
    public var employer: String?
    public var start: YearMonth?
    /// Nil with `isCurrent` for "Present".
    public var end: YearMonth?
    public var isCurrent: Bool
    public var bullets: [ResumeLine]
    /// The entry's heading line(s).
    public var span: TextSpan

    public init(title: String?, employer: String?, start: YearMonth?, end: YearMonth?, isCurrent: Bool, bullets: [ResumeLine], span: TextSpan) {
        self.title = title
        self.employer = employer
        self.start = start
        self.end = end
        self.isCurrent = isCurrent
        self.bullets = bullets
        self.span = span
    }
}

public struct EducationEntry: Sendable, Equatable, Codable {
    public var text: String
    public var degree: String?
    public var institution: String?
    public var year: Int?
    public var span: TextSpan

    public init(text: String, degree: String?, institution: String?, year: Int?, span: TextSpan) {
        self.text = text
        self.degree = degree
        self.institution = institution
        self.year = year
        self.span = span
    }
}

/// One line of the resume with its place.
public struct ResumeLine: Sendable, Equatable, Codable {
    public var text: String
    public var span: TextSpan

    public init(text: String, span: TextSpan) {
        self.text = text
        self.span = span
    }
}

public struct ResumeSection: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case contact, summary, experience, education, skills, certifications, projects, other
    }

    public var kind: Kind
    public var heading: String?
    public var span: TextSpan
}

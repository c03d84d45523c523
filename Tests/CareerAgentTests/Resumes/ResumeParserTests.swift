import Foundation
import Search
import Testing
@testable import CareerAgent

@Suite struct ResumeParserTests {
    static let text = """
    Jordan Rivera
    jordan.rivera@example.com | +1 (512) 555-0142 | Austin, TX | linkedin.com/in/jordanrivera

    Summary
    Backend engineer with eight years building payment systems in Go and Python.

    Experience
    Senior Software Engineer, Ledgerline — Mar 2021 – Present
    - Led the migration of 40 services to Kubernetes, cutting deploy time by 70%
    - Responsible for on-call rotations
    Software Engineer
    Finch Payments, Austin  Jun 2017 - Feb 2021
    - Built a fraud scoring service in Python handling 2M events a day
    - Designed PostgreSQL schemas for settlements

    Education
    B.S. Computer Science, University of Texas at Austin, 2017

    Certifications
    AWS Certified Solutions Architect – Associate

    Skills
    Go, Python, PostgreSQL, Kafka, Terraform
    """

    let parser = ResumeParser(extractor: Shipped.extractor)
    static let uploaded = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01

    @Test func contactDetailsComeFromTheTop() {
        let contact = parser.parse(Self.text, asOf: Self.uploaded).contact
        #expect(contact.name == "Jordan Rivera")
        #expect(contact.email == "jordan.rivera@example.com")
        #expect(contact.phone == "+1 (512) 555-0142")
        #expect(contact.location == "Austin, TX")
        #expect(contact.links == ["linkedin.com/in/jordanrivera"])
    }

    @Test func experienceEntriesHaveTitlesEmployersDatesAndBullets() throws {
        let entries = parser.parse(Self.text, asOf: Self.uploaded).experience
        try #require(entries.count == 2)
        #expect(entries[0].title == "Senior Software Engineer")
        #expect(entries[0].employer == "Ledgerline")
        #expect(entries[0].start == YearMonth(year: 2021, month: 3))
        #expect(entries[0].isCurrent)
        #expect(entries[0].bullets.count == 2)
        #expect(entries[1].title == "Software Engineer")
        #expect(entries[1].employer == "Finch Payments")
        #expect(entries[1].end == YearMonth(year: 2021, month: 2))
        #expect(entries[1].bullets.map(\.text).first == "Built a fraud scoring service in Python handling 2M events a day")
    }

    @Test func bulletSpansPointAtTheirWords() throws {
        let resume = parser.parse(Self.text, asOf: Self.uploaded)
        let bullet = try #require(resume.experience.first?.bullets.first)
        let scalars = Array(Self.text.unicodeScalars)
        let quoted = String(String.UnicodeScalarView(scalars[bullet.span.start..<bullet.span.end]))
        #expect(quoted.contains(bullet.text))
    }

    @Test func yearsCountOverlapsOnceUpToTheUpload() {
        // June 2017 to December 2026, without a gap: 9 years 7 months.
        #expect(parser.parse(Self.text, asOf: Self.uploaded).totalYearsOfExperience == 9.6)
    }

    @Test func educationCertificationsSummaryAndSkills() {
        let resume = parser.parse(Self.text, asOf: Self.uploaded)
        #expect(resume.education.first?.institution == "University of Texas at Austin")
        #expect(resume.education.first?.year == 2017)
        #expect(resume.certifications == ["AWS Certified Solutions Architect – Associate"])
        #expect(resume.summary?.hasPrefix("Backend engineer") == true)
        let skills = Set(resume.skills.map(\.concept.name))
        for expected in ["Go", "Python", "PostgreSQL", "Apache Kafka", "Terraform", "Kubernetes"] { #expect(skills.contains(expected), "\(expected)") }
    }

    @Test func theSameTextParsesTheSame() {
        #expect(parser.parse(Self.text, asOf: Self.uploaded) == parser.parse(Self.text, asOf: Self.uploaded))
    }

    @Test func dateRangesInTheirCommonForms() {
        #expect(DateRange.first(in: "2016 - 2018")?.end == YearMonth(year: 2018, month: 12))
        #expect(DateRange.first(in: "03/2017 to 06/2019")?.start == YearMonth(year: 2017, month: 3))
        #expect(DateRange.first(in: "Sept. 2019 – current")?.isCurrent == true)
        #expect(DateRange.first(in: "2019 – 2017") == nil)
        #expect(DateRange.first(in: "Managed 2000 - 3000 tickets") == nil)
    }
}

@Suite struct ResumeContactTests {
    @Test func aMarkdownHeadingNamesThePerson() {
        let resume = ResumeParser(extractor: Shipped.extractor).parse("# Jordan Rivera\njordan@example.com\n", asOf: ResumeParserTests.uploaded)
        #expect(resume.contact.name == "Jordan Rivera")
    }
}

import Foundation
import Testing
@testable import CareerAgent

/// Layouts resumes are written in beyond plain lines: Markdown, commas inside names, dates in parentheses.
@Suite struct ResumeLayoutTests {
    let parser = ResumeParser(extractor: Shipped.extractor)
    static let uploaded = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01

    static let markdown = """
    # Maya Patel
    maya.patel@example.io | (415) 555-0134 | San Francisco, CA | [Portfolio](https://mayapatel.co.uk)

    ## Experience
    ### Senior Software Engineer — Stackmint
    *Jan 2021 – Present*
    - Led migration of 40 services to Kubernetes, cutting cost by 32%

    **Software Engineer**, Lumen Health, Jun 2018 – Dec 2020
    * Built REST APIs in Django and PostgreSQL

    ## Education
    B.S. Computer Science, University of California, Davis, 2012 – 2016
    """

    @Test func markdownHeadingsAndEmphasisAroundEntriesAreRead() throws {
        let entries = parser.parse(Self.markdown, asOf: Self.uploaded).experience
        try #require(entries.count == 2)
        #expect(entries[0].title == "Senior Software Engineer")
        #expect(entries[0].employer == "Stackmint")
        #expect(entries[0].isCurrent)
        #expect(entries[0].bullets.map(\.text) == ["Led migration of 40 services to Kubernetes, cutting cost by 32%"])
        #expect(entries[1].title == "Software Engineer")
        #expect(entries[1].employer == "Lumen Health")
        #expect(entries[1].end == YearMonth(year: 2020, month: 12))
        #expect(entries[1].bullets.map(\.text) == ["Built REST APIs in Django and PostgreSQL"])
    }

    @Test func markdownResumesCountTheirYears() {
        #expect(parser.parse(Self.markdown, asOf: Self.uploaded).totalYearsOfExperience == 8.6)
    }

    @Test func anEmailsDomainIsNotALinkButAPersonalSiteIs() {
        let contact = parser.parse(Self.markdown, asOf: Self.uploaded).contact
        #expect(contact.links == ["https://mayapatel.co.uk"])
        let plain = parser.parse("Sofia Rossi\nsofia.rossi@example.io | London, UK | sofiarossi.co.uk\n", asOf: Self.uploaded)
        #expect(plain.contact.links == ["sofiarossi.co.uk"])
        let skills = parser.parse("Ana Lee\nana@lee.dev | Node.js, ASP.NET | github.com/ana\n", asOf: Self.uploaded)
        #expect(skills.contact.links == ["github.com/ana"])
    }

    @Test func aStarBetweenSpacesOrInsideAWordStays() {
        #expect(MarkdownLine.plain("Cut costs 5 * 3 ways") == "Cut costs 5 * 3 ways")
        #expect(MarkdownLine.plain("*Jan 2021 – Present*") == "Jan 2021 – Present")
        #expect(MarkdownLine.plain("* Built a thing") == "* Built a thing")
        #expect(MarkdownLine.plain("### Engineer — Acme") == "Engineer — Acme")
        #expect(MarkdownLine.plain("#hashtag") == "#hashtag")
    }

    @Test func anInstitutionKeepsTheCampusOrSystemAfterItsComma() {
        let resume = parser.parse(Self.markdown, asOf: Self.uploaded)
        #expect(resume.education.first?.institution == "University of California, Davis")
        #expect(resume.education.first?.degree == "B.S. Computer Science")
        let lines = """
        Education
        BBA Finance, Baruch College, CUNY, 2015
        M.S. Nursing, University of Texas, Austin, TX, 2019
        High School Diploma, W.T. White High School, Dallas, TX, 2012
        Electrical Apprenticeship Program, Rocky Mountain Electrical JATC, 2014 – 2018
        MBA, Loyola University Chicago (2011)
        """
        let education = parser.parse(lines, asOf: Self.uploaded).education
        #expect(education.map(\.institution) == [
            "Baruch College, CUNY", "University of Texas, Austin", "W.T. White High School",
            "Rocky Mountain Electrical JATC", "Loyola University Chicago",
        ])
        #expect(education.map(\.degree) == ["BBA Finance", "M.S. Nursing", "High School Diploma", "Electrical Apprenticeship Program", "MBA"])
    }

    @Test func aCommaBesideABarStaysInTheTitle() throws {
        let text = """
        Experience
        Registered Nurse, Medical/Surgical | St. Agnes Regional Medical Center | Mar 2019 – Present
        - Cared for 5 patients per shift
        Staff Accountant | Grant & Hale LLP, Chicago, IL | 2015 - 2019
        Registered Nurse, Medical/Surgical, St. Agnes Regional Medical Center
        08/2012 – 02/2015
        """
        let entries = parser.parse(text, asOf: Self.uploaded).experience
        try #require(entries.count == 3)
        #expect(entries[2].title == "Registered Nurse, Medical/Surgical")
        #expect(entries[2].employer == "St. Agnes Regional Medical Center")
        #expect(entries[0].title == "Registered Nurse, Medical/Surgical")
        #expect(entries[0].employer == "St. Agnes Regional Medical Center")
        #expect(entries[1].title == "Staff Accountant")
        #expect(entries[1].employer == "Grant & Hale LLP")
    }
}

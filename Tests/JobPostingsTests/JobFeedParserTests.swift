import Domain
import Foundation
import JobPostings
import Testing

@Suite("Feed parsing")
struct JobFeedParserTests {
    let parser = JobFeedParser(provider: "acme-careers")
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    static let schemaOrg = """
        {"@context":"https://schema.org","@type":"JobPosting","title":"Staff Nurse",
         "description":"<p>Care for <em>patients</em>.</p>","identifier":{"@type":"PropertyValue","name":"Acme","value":"N-77"},
         "datePosted":"2026-11-02","validThrough":"2026-12-31T23:59:59Z","employmentType":["FULL_TIME","PART_TIME"],
         "hiringOrganization":{"@type":"Organization","name":"Acme Health"},
         "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Leeds","addressRegion":"West Yorkshire","addressCountry":"GB"}},
         "baseSalary":{"@type":"MonetaryAmount","currency":"GBP","value":{"@type":"QuantitativeValue","minValue":14,"maxValue":18,"unitText":"HOUR"}},
         "url":"https://careers.acme.example/jobs/N-77"}
        """

    @Test("schema.org JobPosting maps onto the normalized fields")
    func schemaOrg() throws {
        let records = parser.parseDocument(Data(Self.schemaOrg.utf8))
        #expect(records.count == 1)
        let posting = try records[0].draft.get().normalize(updatedAt: now).get()
        #expect(posting.jobID == "acme-careers#N-77")
        #expect(posting.providerID == "acme-careers")
        #expect(posting.company == "Acme Health")
        #expect(posting.location == "Leeds, West Yorkshire, GB")
        #expect(posting.description == "Care for patients.")
        #expect(posting.employmentType == .fullTime)
        #expect(posting.minSalary == 14 * 2080)
        #expect(posting.currency == "GBP")
        #expect(posting.payInterval == .hour)
        #expect(posting.applyURL == "https://careers.acme.example/jobs/N-77")
        #expect(posting.remote == false)
    }

    @Test("HTML pages yield their ld+json JobPostings and nothing else")
    func htmlPages() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"Organization","name":"Acme"}</script>
            <script type="application/ld+json">\(Self.schemaOrg)</script>
            <script>var x = 1;</script></head><body>Jobs</body></html>
            """
        let records = parser.parseHTML(html)
        #expect(records.count == 1)
        #expect(try records[0].draft.get().normalize(updatedAt: now).get().title == "Staff Nurse")
    }

    @Test("JSON-LD graphs and arrays are read item by item")
    func graphs() {
        let graph = "{\"@context\":\"https://schema.org\",\"@graph\":[\(Self.schemaOrg),\(Self.schemaOrg)]}"
        #expect(parser.parseDocument(Data(graph.utf8)).count == 2)
        #expect(parser.parseDocument(Data("[\(Self.schemaOrg),{\"job_id\":\"x#1\"}]".utf8)).map(\.position) == [1, 2])
    }

    @Test("bad lines report their line number; blank lines are skipped")
    func badLines() {
        #expect(parser.parseLine(Data("   ".utf8), number: 3).isEmpty)
        let broken = parser.parseLine(Data("{not json".utf8), number: 7)
        #expect(broken.count == 1)
        #expect(broken[0].position == 7)
        guard case .failure(let error) = broken[0].draft else { Issue.record("expected failure"); return }
        #expect(error.message == "not valid JSON")
        let scalar = parser.parseLine(Data("42".utf8), number: 8)
        #expect(scalar.first.map { if case .failure = $0.draft { true } else { false } } == true)
    }

    @Test("the format is sniffed from the first bytes")
    func sniffing() {
        #expect(JobFeedParser.sniff(Data("  [ {".utf8)) == .json)
        #expect(JobFeedParser.sniff(Data("\u{FEFF}<!doctype html>".utf8)) == .html)
        #expect(JobFeedParser.sniff(Data("{\"job_id\":1}\n".utf8)) == .jsonLines)
    }
}

import Foundation
import JobPostings
import Testing

@testable import HTTPAPI

@Suite("JSON writer of the search response")
struct JSONWriterTests {
    static func written(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(buffer: writer.buffer)
    }

    static func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder.api.encode(value), as: UTF8.self)
    }

    @Test("strings are escaped exactly as the API's JSONEncoder escapes them", arguments: [
        "", "plain", "quote \" and backslash \\", "slash / stays", "tab\tnew\nline\r", "\u{0}\u{1}\u{8}\u{c}\u{1f}",
        "Zürich – café 北京 🚀", "<mark>C++</mark> & \"R&D\"", "\u{2028}\u{2029}\u{7f}",
    ])
    func strings(text: String) throws {
        #expect(Self.written { $0.string(text) } == (try Self.encoded(text)))
    }

    @Test("dates are ISO 8601 in UTC to the second, as the API's JSONEncoder writes them", arguments: [
        0, 951_782_400, 1_709_164_800, 1_796_117_400, 4_102_444_799, -86_401,
    ] as [TimeInterval])
    func dates(seconds: TimeInterval) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Self.written { $0.date(date) } == (try Self.encoded(date)))
    }

    @Test("a search response has sorted keys, nulls for absent fields and match only when ordered by match")
    func searchResponse() throws {
        let posting = JobPosting(
            jobID: "acme#1", providerID: "acme", title: "Rust \"systems\" engineer", description: "Long text",
            company: "Acme/Labs", location: "Berlin", remote: true, employmentType: .fullTime,
            minSalary: 70_000, maxSalary: nil, currency: "EUR", payInterval: .year,
            postedDate: Date(timeIntervalSince1970: 1_796_117_400), applyURL: nil, expiresAt: nil,
            updatedAt: Date(timeIntervalSince1970: 1_796_117_400)
        )
        let results = JobSearchResults(
            hits: [JobSearchHit(posting: posting, highlights: JobHighlights(title: "<mark>Rust</mark>", description: "…text…"), match: 87)],
            total: 1,
            facets: JobFacets(location: [FacetCount(value: "Berlin", count: 1)], company: [], remote: [], employmentType: [],
                              salaryRanges: [SalaryRangeCount(from: 50_000, to: nil, count: 1)], skills: []),
            nextCursor: nil
        )
        let text = Self.written { JobSearchJSON.write(results, to: &$0) }
        #expect(text == """
            {"facets":{"company":[],"employment_type":[],"location":[{"count":1,"value":"Berlin"}],"remote":[],\
            "salary_ranges":[{"count":1,"from":50000,"to":null}],"skills":[]},"jobs":[{"apply_url":null,\
            "company":"Acme/Labs","currency":"EUR","employment_type":"full_time","expires_at":null,\
            "highlights":{"description":"…text…","title":"<mark>Rust</mark>"},"interval":"year","job_id":"acme#1",\
            "location":"Berlin","match":87,"max_salary":null,"min_salary":70000,"posted_date":"2026-12-01T09:30:00Z",\
            "provider_id":"acme","remote":true,"title":"Rust \\"systems\\" engineer"}],"next_cursor":null,"total":1}
            """)
        var unmatched = results
        unmatched.hits[0].match = nil
        #expect(!Self.written { JobSearchJSON.write(unmatched, to: &$0) }.contains("\"match\""))
    }
}

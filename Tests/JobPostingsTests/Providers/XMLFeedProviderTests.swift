import Domain
import Foundation
import JobPostings
import Testing

@Suite("XML feed adapter")
struct XMLFeedProviderTests {
    static func fetch(_ http: ProviderHTTP, base: String) async throws -> ProviderListing {
        try await XMLFeedProvider(http: http).fetch(ProviderTests.source(.xmlfeed, SourceParameters(url: base + "/feed.xml")))
    }

    static func serving(_ file: String) -> FixtureServer.Route {
        { request in request.path == "/feed.xml" ? .fixture(file) : .notFound }
    }

    @Test("a job maps onto every normalized field, salary read from its text")
    func fullJob() async throws {
        let listing = try await FixtureServer.serve(Self.serving("xmlfeed/feed.xml")) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.drafts.count == 2)
        let posting = try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting == JobPosting(
            jobID: "xmlfeed#NW-10293", providerID: "xmlfeed", title: "Registered Nurse – ICU",
            description: "Care for critically ill patients.\n• BLS & ACLS\n• Night rotation",
            descriptionHTML: "<p>Care for critically ill patients.</p><ul><li>BLS &amp; ACLS</li><li>Night rotation</li></ul>",
            company: "St. Elsewhere Hospital", location: "Boston, MA, US", remote: false, employmentType: .fullTime,
            minSalary: 85_000, maxSalary: 104_000, currency: "USD", payInterval: .year,
            postedDate: ProviderTests.date("2026-11-19T22:49:39Z"),
            applyURL: "https://northwind.example/jobs/NW-10293?source=feed&utm=1",
            expiresAt: ProviderTests.date("2027-01-31T23:59:59Z"), updatedAt: ProviderTests.now))
    }

    @Test("plain elements, ISO dates, the publisher as company, remote type, and salary text it cannot read")
    func plainJob() async throws {
        let listing = try await FixtureServer.serve(Self.serving("xmlfeed/feed.xml")) { base, http in
            try await Self.fetch(http, base: base)
        }
        let posting = try listing.drafts[1].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting.jobID == "xmlfeed#NW-10300")
        #expect(posting.company == "Northwind Staffing")
        #expect(posting.location == "Chicago, IL, US")
        #expect(posting.remote)
        #expect(posting.employmentType == .contract)
        #expect(posting.postedDate == ProviderTests.date("2026-11-20T14:00:00Z"))
        #expect(posting.minSalary == nil && posting.maxSalary == nil)
        #expect(posting.description == "Run payroll for 2,000 employees.")
    }

    @Test("jobs without a reference number or title, and expired jobs, are skipped and counted")
    func skipped() async throws {
        let listing = try await FixtureServer.serve(Self.serving("xmlfeed/feed.xml")) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.skipped == [
            SkippedPosting(externalID: nil, reason: "no reference number"),
            SkippedPosting(externalID: "NW-10301", reason: "no title"),
            SkippedPosting(externalID: "NW-9001", reason: "expired"),
        ])
    }

    @Test("broken XML, or a feed of another kind, is malformed", arguments: ["xmlfeed/broken.xml", "xmlfeed/rss.xml"])
    func malformed(file: String) async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await FixtureServer.serve(Self.serving(file)) { base, http in try await Self.fetch(http, base: base) }
        }
        guard case .malformed? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
    }
}

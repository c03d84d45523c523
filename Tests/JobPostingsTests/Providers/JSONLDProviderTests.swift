import Domain
import Foundation
import JobPostings
import Testing

@Suite("JSON-LD adapter")
struct JSONLDProviderTests {
    static func fetch(_ http: ProviderHTTP, base: String, path: String = "/careers") async throws -> ProviderListing {
        try await JSONLDProvider(http: http).fetch(ProviderTests.source(.jsonld, SourceParameters(url: base + path)))
    }

    static func serving(_ file: String) -> FixtureServer.Route {
        { request in request.path == "/careers" ? .fixture(file) : .notFound }
    }

    @Test("an HTML page's JobPostings map onto every normalized field")
    func fullPosting() async throws {
        let listing = try await FixtureServer.serve(Self.serving("jsonld/careers.html")) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.drafts.count == 2)
        #expect(listing.isComplete)
        let posting = try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting == JobPosting(
            jobID: "jsonld#MB-2041", providerID: "jsonld", title: "Fleet Dispatcher",
            description: "Plan the routes of our lunar rover fleet.\nShifts: days only.",
            descriptionHTML: "<p>Plan the routes of our <b>lunar rover</b> fleet.</p><p>Shifts: days only.</p>",
            company: "Moonbase Logistics", location: "Rotterdam, South Holland, NL", remote: false, employmentType: .fullTime,
            minSalary: 3200 * 12, maxSalary: 3900 * 12, currency: "EUR", payInterval: .month,
            postedDate: ProviderTests.date("2026-11-04T07:00:00Z"),
            applyURL: "https://moonbase.example/careers/fleet-dispatcher",
            expiresAt: ProviderTests.date("2027-01-31T23:59:59Z"), updatedAt: ProviderTests.now))
        #expect(listing.drafts[0].fields["posted_date"] == .string("2026-11-04T07:00:00Z"))
    }

    @Test("telecommute is remote, the url stands in for a missing identifier, a single value is both bounds")
    func remote() async throws {
        let listing = try await FixtureServer.serve(Self.serving("jsonld/careers.html")) { base, http in
            try await Self.fetch(http, base: base)
        }
        let posting = try listing.drafts[1].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting.jobID == "jsonld#https://moonbase.example/careers/remote-route-planner")
        #expect(posting.remote)
        #expect(posting.employmentType == .contract)
        #expect(posting.minSalary == 38 * 2080 && posting.maxSalary == 38 * 2080)
        #expect(posting.payInterval == .hour)
    }

    @Test("expired postings, postings without an id and without a title are skipped and counted")
    func skipped() async throws {
        let listing = try await FixtureServer.serve(Self.serving("jsonld/careers.html")) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.skipped == [
            SkippedPosting(externalID: "MB-1990", reason: "expired"),
            SkippedPosting(externalID: nil, reason: "item 3: no identifier or url"),
            SkippedPosting(externalID: "MB-2050", reason: "no title"),
        ])
    }

    @Test("a JSON-LD document: repeated ids skipped, unreadable pay and employment types dropped, not the posting")
    func jsonDocument() async throws {
        let listing = try await FixtureServer.serve(Self.serving("jsonld/postings.json")) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.drafts.count == 1)
        #expect(listing.skipped == [SkippedPosting(externalID: "HT-7", reason: "duplicate id")])
        let posting = try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting.jobID == "jsonld#HT-7")
        #expect(posting.location == "Westland, NL")
        #expect(posting.employmentType == nil)
        #expect(posting.minSalary == nil && posting.currency == nil)
    }

    @Test("a block that is not JSON is skipped and the listing is not taken as complete")
    func brokenBlock() async throws {
        let listing = try await FixtureServer.serve(Self.serving("jsonld/broken-block.html")) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.drafts.count == 1)
        #expect(listing.skipped == [SkippedPosting(externalID: nil, reason: "item 2: ld+json block is not valid JSON")])
        #expect(!listing.isComplete)
    }

    @Test("a page without JSON-LD lists nothing and closes nothing")
    func noJSONLD() async throws {
        let listing = try await FixtureServer.serve(Self.serving("jsonld/no-jsonld.html")) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.drafts.isEmpty && listing.skipped.isEmpty)
        #expect(!listing.isComplete)
    }

    @Test("a document that is neither HTML nor JSON-LD postings is malformed",
          arguments: ["jsonld/not-jsonld.csv", "jsonld/organization.json"])
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

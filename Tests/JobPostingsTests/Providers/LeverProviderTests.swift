import Domain
import Foundation
import JobPostings
import Testing

@Suite("Lever adapter")
struct LeverProviderTests {
    static let path = "/v0/postings/acmeco"

    /// Pages of two postings, chosen by `skip`, as Lever serves them.
    static let paged: FixtureServer.Route = { request in
        guard request.path == path, request.query["mode"] == "json", request.query["limit"] == "2" else { return .notFound }
        switch request.query["skip"] {
        case "0": return .fixture("lever/page-0.json")
        case "2": return .fixture("lever/page-1.json")
        case "4": return .fixture("lever/page-2.json")
        default: return .fixture("lever/empty.json")
        }
    }

    static func fetch(_ http: ProviderHTTP, base: String) async throws -> ProviderListing {
        try await LeverProvider(http: http, pageSize: 2).fetch(ProviderTests.source(.lever, SourceParameters(site: "acmeco", baseURL: base)))
    }

    @Test("pages until a short page and reads every posting of every page")
    func paging() async throws {
        let log = RequestLog()
        let listing = try await FixtureServer.serve(log: log, Self.paged) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(await log.requests.map { $0.query["skip"] } == ["0", "2", "4"])
        #expect(listing.drafts.count == 3)
        #expect(listing.isComplete)
        #expect(listing.skipped == [
            SkippedPosting(externalID: "7d8e9f00-1111-4222-8333-944455566677", reason: "no title"),
            SkippedPosting(externalID: nil, reason: "no id"),
        ])
    }

    @Test("a posting maps onto every normalized field, lists and closing text included")
    func fullPosting() async throws {
        let listing = try await FixtureServer.serve(Self.paged) { base, http in try await Self.fetch(http, base: base) }
        let posting = try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting == JobPosting(
            jobID: "lever#5ac21346-8e0c-4494-8e7a-3eb92ff77902", providerID: "lever", title: "Field Operations Lead",
            description: "Lead our field teams.\nWhat you'll do\n• Plan routes\n• Coach crews\nRequirements\n• 5+ years in operations\n"
                + "We offer relocation support.",
            descriptionHTML: "<div>Lead our field teams.</div>\n<h3>What you&#39;ll do</h3>\n<ul><li>Plan routes</li><li>Coach crews</li></ul>\n"
                + "<h3>Requirements</h3>\n<ul><li>5+ years in operations</li></ul>\n<div>We offer relocation support.</div>",
            company: "Acmeco", location: "Denver, CO", remote: false, employmentType: .fullTime,
            minSalary: 95_000, maxSalary: 120_000, currency: "USD", payInterval: .year,
            postedDate: ProviderTests.date("2026-11-03T16:00:00Z"),
            applyURL: "https://jobs.lever.co/acmeco/5ac21346-8e0c-4494-8e7a-3eb92ff77902", expiresAt: nil,
            updatedAt: ProviderTests.now))
    }

    @Test("remote from workplaceType or the location; hourly pay; plain description when there is no HTML")
    func variants() async throws {
        let listing = try await FixtureServer.serve(Self.paged) { base, http in try await Self.fetch(http, base: base) }
        let contract = try listing.drafts[1].normalize(updatedAt: ProviderTests.now).get()
        #expect(contract.remote)
        #expect(contract.employmentType == .contract)
        #expect(contract.minSalary == 45 * 2080 && contract.maxSalary == 60 * 2080)
        #expect(contract.currency == "CAD" && contract.payInterval == .hour)
        let warehouse = try listing.drafts[2].normalize(updatedAt: ProviderTests.now).get()
        #expect(warehouse.remote)
        #expect(warehouse.employmentType == .partTime)
        #expect(warehouse.description == "Pick and pack orders.")
        #expect(warehouse.descriptionHTML == nil)
        #expect(warehouse.minSalary == nil)
    }

    @Test("a server that ignores skip is asked twice, and the listing is not taken as complete")
    func ignoredSkip() async throws {
        let log = RequestLog()
        let listing = try await FixtureServer.serve(log: log, { _ in .fixture("lever/page-0.json") }) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(await log.requests.count == 2)
        #expect(listing.drafts.count == 2)
        #expect(!listing.isComplete)
    }

    @Test("a server that ignores skip and limit sent everything on the first page")
    func ignoredLimit() async throws {
        let listing = try await FixtureServer.serve({ _ in .fixture("lever/all.json") }) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.drafts.count == 3)
        #expect(listing.isComplete)
    }

    @Test("an answer that is not a JSON array is malformed", arguments: ["lever/wrong-shape.json", "greenhouse/not-json.html"])
    func malformed(file: String) async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await FixtureServer.serve({ _ in .fixture(file) }) { base, http in try await Self.fetch(http, base: base) }
        }
        guard case .malformed? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
    }
}

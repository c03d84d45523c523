import Domain
import Foundation
import JobPostings
import Testing

@Suite("Ashby adapter")
struct AshbyProviderTests {
    static let board: FixtureServer.Route = { request in
        guard request.path == "/posting-api/job-board/moonbase", request.query["includeCompensation"] == "true" else {
            return .notFound
        }
        return .fixture("ashby/board.json")
    }

    static func fetch(_ http: ProviderHTTP, base: String) async throws -> ProviderListing {
        try await AshbyProvider(http: http).fetch(ProviderTests.source(.ashby, SourceParameters(board: "moonbase", baseURL: base)))
    }

    @Test("a job maps onto every normalized field, salary from the summary components")
    func fullJob() async throws {
        let listing = try await FixtureServer.serve(Self.board) { base, http in try await Self.fetch(http, base: base) }
        #expect(listing.drafts.count == 2)
        let posting = try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting == JobPosting(
            jobID: "ashby#3f1e2d3c-4b5a-4678-9abc-def012345678", providerID: "ashby", title: "Product Manager, Growth",
            description: "Own our activation funnel.\n\n- Run experiments\n- Talk to users",
            descriptionHTML: "<p>Own our <em>activation</em> funnel.</p><ul><li>Run experiments</li><li>Talk to users</li></ul>",
            company: "Moonbase", location: "Houston, TX", remote: false, employmentType: .fullTime,
            minSalary: 140_000, maxSalary: 175_000, currency: "USD", payInterval: .year,
            postedDate: ProviderTests.date("2026-11-05T16:21:55Z"),
            applyURL: "https://jobs.ashbyhq.com/moonbase/3f1e2d3c-4b5a-4678-9abc-def012345678", expiresAt: nil,
            updatedAt: ProviderTests.now))
    }

    @Test("interns, hybrid work that is not remote, and hourly pay across compensation tiers")
    func tiers() async throws {
        let listing = try await FixtureServer.serve(Self.board) { base, http in try await Self.fetch(http, base: base) }
        let intern = try listing.drafts[1].normalize(updatedAt: ProviderTests.now).get()
        #expect(intern.employmentType == .internship)
        #expect(intern.remote == false)
        #expect(intern.minSalary == 20 * 2080 && intern.maxSalary == 24 * 2080)
        #expect(intern.currency == "EUR" && intern.payInterval == .hour)
    }

    @Test("unlisted jobs and jobs without a title are skipped and counted")
    func skipped() async throws {
        let listing = try await FixtureServer.serve(Self.board) { base, http in try await Self.fetch(http, base: base) }
        #expect(listing.skipped == [
            SkippedPosting(externalID: "11111111-2222-4333-8444-555555555555", reason: "unlisted"),
            SkippedPosting(externalID: "99999999-8888-4777-8666-555555555555", reason: "no title"),
        ])
    }

    @Test("a board whose jobs are not a list, or that is not JSON, is malformed",
          arguments: ["ashby/wrong-shape.json", "lever/page-0.json", "greenhouse/not-json.html"])
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

import Domain
import Foundation
import JobPostings
import Testing

@Suite("Greenhouse adapter")
struct GreenhouseProviderTests {
    static let files: [String: String] = [
        "/v1/boards/vaulttec/jobs": "greenhouse/jobs.json",
        "/v1/boards/vaulttec": "greenhouse/board.json",
        "/v1/boards/vaulttec/jobs/4012345": "greenhouse/job-4012345.json",
        "/v1/boards/vaulttec/jobs/4012346": "greenhouse/job-4012346.json",
    ]

    static func fetch(_ http: ProviderHTTP, base: String, payRanges: Bool = true) async throws -> ProviderListing {
        try await GreenhouseProvider(http: http, payRanges: payRanges)
            .fetch(ProviderTests.source(.greenhouse, SourceParameters(board: "vaulttec", baseURL: base)))
    }

    @Test("a job maps onto every normalized field, pay from the per-job endpoint")
    func fullJob() async throws {
        let listing = try await FixtureServer.serve(FixtureServer.files(Self.files)) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.drafts.count == 2)
        #expect(listing.isComplete)
        let posting = try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting == JobPosting(
            jobID: "greenhouse#4012345", providerID: "greenhouse", title: "Senior Backend Engineer",
            description: "Build the services behind our vault network. We're small & fast.\n• Go & PostgreSQL\n• On\u{2011}call \"lite\"",
            descriptionHTML: "<p>Build the services behind our <strong>vault</strong> network. We&#39;re small &amp; fast.</p>"
                + "<ul><li>Go &amp; PostgreSQL</li><li>On\u{2011}call &quot;lite&quot;</li></ul>",
            company: "Vault-Tec", location: "Remote - US", remote: true, employmentType: nil,
            minSalary: 125_000, maxSalary: 185_000, currency: "USD", payInterval: .year,
            postedDate: ProviderTests.date("2026-11-02T15:00:00Z"),
            applyURL: "https://boards.greenhouse.io/vaulttec/jobs/4012345", expiresAt: nil,
            updatedAt: ProviderTests.now))
    }

    @Test("company from the board, posted date from updated_at, hourly pay and a custom employment type field")
    func fallbacks() async throws {
        let listing = try await FixtureServer.serve(FixtureServer.files(Self.files)) { base, http in
            try await Self.fetch(http, base: base)
        }
        let posting = try listing.drafts[1].normalize(updatedAt: ProviderTests.now).get()
        #expect(posting.jobID == "greenhouse#4012346")
        #expect(posting.company == "Vault-Tec Industries")
        #expect(posting.postedDate == ProviderTests.date("2026-11-18T12:00:00Z"))
        #expect(posting.employmentType == .partTime)
        #expect(posting.remote == false)
        #expect(posting.minSalary == 24 * 2080)
        #expect(posting.maxSalary == 32 * 2080)
        #expect(posting.payInterval == .hour)
    }

    @Test("jobs without an id or a title are skipped and counted")
    func skipped() async throws {
        let listing = try await FixtureServer.serve(FixtureServer.files(Self.files)) { base, http in
            try await Self.fetch(http, base: base)
        }
        #expect(listing.skipped == [
            SkippedPosting(externalID: "4012347", reason: "no title"),
            SkippedPosting(externalID: nil, reason: "no id"),
        ])
    }

    @Test("the board is asked once, pay once per titled job; failures there cost only the name and the pay")
    func tolerantExtras() async throws {
        let log = RequestLog()
        let listing = try await FixtureServer.serve(log: log, { request in
            switch request.path {
            case "/v1/boards/vaulttec", "/v1/boards/vaulttec/jobs/4012345": .status(500)
            default: await FixtureServer.files(Self.files)(request)
            }
        }) { base, http in
            try await Self.fetch(http, base: base)
        }
        let paths = await log.paths
        #expect(paths.filter { $0 == "/v1/boards/vaulttec" }.count == 1)
        #expect(Set(paths.filter { $0.hasPrefix("/v1/boards/vaulttec/jobs/") })
            == ["/v1/boards/vaulttec/jobs/4012345", "/v1/boards/vaulttec/jobs/4012346"])
        #expect(listing.drafts.count == 2)
        let first = try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get()
        #expect(first.minSalary == nil && first.currency == nil)
        let second = try listing.drafts[1].normalize(updatedAt: ProviderTests.now).get()
        #expect(second.company == "Vaulttec")
        #expect(second.minSalary == 24 * 2080)
    }

    @Test("a throttled per-job answer stops the remaining per-job requests, not the sync")
    func throttledPay() async throws {
        let log = RequestLog()
        let listing = try await FixtureServer.serve(log: log, { request in
            request.path == "/v1/boards/vaulttec/jobs/4012345"
                ? .status(429, headers: ["Retry-After": "60"]) : await FixtureServer.files(Self.files)(request)
        }) { base, http in
            try await GreenhouseProvider(http: http, payConcurrency: 1)
                .fetch(ProviderTests.source(.greenhouse, SourceParameters(board: "vaulttec", baseURL: base)))
        }
        #expect(await !log.paths.contains("/v1/boards/vaulttec/jobs/4012346"))
        #expect(listing.drafts.count == 2)
        #expect(listing.drafts.allSatisfy { $0.fields["min_salary"] == nil })
    }

    @Test("without pay ranges no per-job request is made")
    func noPayRanges() async throws {
        let log = RequestLog()
        let listing = try await FixtureServer.serve(log: log, FixtureServer.files(Self.files)) { base, http in
            try await Self.fetch(http, base: base, payRanges: false)
        }
        #expect(await log.paths == ["/v1/boards/vaulttec/jobs", "/v1/boards/vaulttec"])
        #expect(await log.requests.first?.query["content"] == "true")
        #expect(try listing.drafts[0].normalize(updatedAt: ProviderTests.now).get().minSalary == nil)
    }

    @Test("a list that is not an object with jobs, or not JSON at all, is malformed",
          arguments: ["greenhouse/wrong-shape.json", "greenhouse/not-json.html"])
    func malformed(file: String) async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await FixtureServer.serve({ _ in .fixture(file) }) { base, http in
                try await Self.fetch(http, base: base)
            }
        }
        guard case .malformed? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
    }
}

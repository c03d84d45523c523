import Domain
import Foundation
import JobPostings
import Testing

/// How every HTTP adapter reports a provider that throttles, fails or hangs.
@Suite("Provider HTTP failures")
struct ProviderHTTPErrorTests {
    static let kinds: [ProviderKind] = [.greenhouse, .lever, .ashby, .jsonld, .xmlfeed]

    static func fetch(_ kind: ProviderKind, http: ProviderHTTP, base: String) async throws -> ProviderListing {
        let parameters: SourceParameters = switch kind {
        case .greenhouse: SourceParameters(board: "vaulttec", baseURL: base)
        case .lever: SourceParameters(site: "acmeco", baseURL: base)
        case .ashby: SourceParameters(board: "moonbase", baseURL: base)
        case .jsonld: SourceParameters(url: base + "/careers")
        case .xmlfeed: SourceParameters(url: base + "/feed.xml")
        case .demo: SourceParameters()
        }
        return try await JobProviders(http: http).fetch(ProviderTests.source(kind, parameters))
    }

    @Test("429 with Retry-After is throttling with the provider's delay", arguments: kinds)
    func throttled(kind: ProviderKind) async throws {
        await #expect(throws: ProviderError.throttled(retryAfter: .seconds(2))) {
            try await FixtureServer.serve({ _ in .status(429, headers: ["Retry-After": "2"]) }) { base, http in
                try await Self.fetch(kind, http: http, base: base)
            }
        }
    }

    @Test("503 with Retry-After is throttling too", arguments: [ProviderKind.greenhouse, .xmlfeed])
    func unavailable(kind: ProviderKind) async throws {
        await #expect(throws: ProviderError.throttled(retryAfter: .seconds(30))) {
            try await FixtureServer.serve({ _ in .status(503, headers: ["Retry-After": "30"]) }) { base, http in
                try await Self.fetch(kind, http: http, base: base)
            }
        }
    }

    @Test("500 is an HTTP status failure naming the URL", arguments: kinds)
    func serverError(kind: ProviderKind) async throws {
        let error = await #expect(throws: ProviderError.self) {
            try await FixtureServer.serve({ _ in .status(500) }) { base, http in
                try await Self.fetch(kind, http: http, base: base)
            }
        }
        guard case .httpStatus(500, let url)? = error else {
            Issue.record("expected HTTP 500, got \(String(describing: error))")
            return
        }
        #expect(url.hasPrefix("http://127.0.0.1:"))
    }

    @Test("a server that does not answer within the deadline is unreachable", arguments: kinds)
    func hanging(kind: ProviderKind) async throws {
        // The server would answer after 3 s; being told "unreachable" means the 300 ms deadline cut it off.
        let error = await #expect(throws: ProviderError.self) {
            try await FixtureServer.serve(timeout: .milliseconds(300), { _ in .hanging(for: .seconds(3)) }) { base, http in
                try await Self.fetch(kind, http: http, base: base)
            }
        }
        guard case .unreachable? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
    }

    @Test("nobody listening is unreachable")
    func refused() async throws {
        // Serve once to learn a free port, then ask it after the server has gone. The client retries refused
        // connections until its deadline, so the deadline is short.
        let base = try await FixtureServer.serve({ _ in .notFound }) { base, _ in base }
        let error = await #expect(throws: ProviderError.self) {
            try await FixtureServer.serve(timeout: .milliseconds(500), { _ in .notFound }) { _, http in
                try await Self.fetch(.xmlfeed, http: http, base: base)
            }
        }
        guard case .unreachable? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
    }
}

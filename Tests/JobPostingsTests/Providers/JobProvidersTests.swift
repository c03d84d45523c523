import Domain
import Foundation
import JobPostings
import Platform
import Testing

/// A fetcher for tests that must not reach the network.
struct OfflineFetcher: HTTPFetcher {
    func get(_ url: URL, headers: [String: String], timeout: Duration) async throws -> HTTPFetchResponse {
        throw HTTPFetchError.transport(url: url.absoluteString, message: "offline")
    }
}

@Suite("Provider registry")
struct JobProvidersTests {
    let providers = JobProviders(http: ProviderHTTP(fetcher: OfflineFetcher()))

    @Test("every provider kind has its adapter")
    func everyKind() {
        #expect(providers.kinds == ProviderKind.allCases)
        for kind in ProviderKind.allCases { #expect(providers[kind]?.kind == kind) }
    }

    @Test("a source without its required parameter is misconfigured before any request",
          arguments: ProviderKind.allCases.filter { $0.requiredParameter != nil })
    func missingParameter(kind: ProviderKind) async {
        let error = await #expect(throws: ProviderError.self) {
            try await providers.fetch(ProviderTests.source(kind, SourceParameters(baseURL: "https://example.com")))
        }
        guard case .misconfigured(let message)? = error else {
            Issue.record("expected misconfigured, got \(String(describing: error))")
            return
        }
        #expect(message.contains(kind.requiredParameter!.rawValue))
    }

    @Test("a base URL or feed URL that is not http(s) is misconfigured")
    func badURL() async {
        let sources = [
            ProviderTests.source(.greenhouse, SourceParameters(board: "x", baseURL: "ftp://example.com")),
            ProviderTests.source(.xmlfeed, SourceParameters(url: "file:///etc/passwd")),
            ProviderTests.source(.jsonld, SourceParameters(url: "careers.example.com/jobs")),
        ]
        for source in sources {
            let error = await #expect(throws: ProviderError.self) { try await providers.fetch(source) }
            guard case .misconfigured? = error else {
                Issue.record("expected misconfigured for \(source.kind), got \(String(describing: error))")
                continue
            }
        }
    }
}

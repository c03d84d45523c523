import Foundation

/// The adapter for each provider kind.
///
/// Adding a provider: write one file in `Providers/` with a struct conforming to `JobProvider` (add its
/// case to `ProviderKind`), and register it with one line in `init(http:)` below.
public struct JobProviders: Sendable {
    private let providers: [ProviderKind: any JobProvider]

    public init(http: ProviderHTTP) {
        self.init([
            GreenhouseProvider(http: http),
            LeverProvider(http: http),
            AshbyProvider(http: http),
            JSONLDProvider(http: http),
            XMLFeedProvider(http: http),
            DemoProvider(),
        ])
    }

    /// These adapters, by kind; a later one replaces an earlier one of the same kind (tests, overrides).
    public init(_ providers: [any JobProvider]) {
        self.providers = Dictionary(providers.map { ($0.kind, $0) }, uniquingKeysWith: { _, later in later })
    }

    public subscript(kind: ProviderKind) -> (any JobProvider)? { providers[kind] }

    /// The kinds with an adapter, in declaration order.
    public var kinds: [ProviderKind] { ProviderKind.allCases.filter { providers[$0] != nil } }

    /// The current listing of `source` from its kind's adapter.
    public func fetch(_ source: JobSource) async throws -> ProviderListing {
        guard let provider = providers[source.kind] else {
            throw ProviderError.misconfigured("no adapter for provider kind '\(source.kind.rawValue)'")
        }
        return try await provider.fetch(source)
    }
}

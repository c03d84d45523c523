/// The adapter for each provider kind.
///
/// To add a provider: write one file with a `JobProvider` (see `GreenhouseProvider` for a model), add
/// its kind to `ProviderKind`, and register it here.
public struct JobProviders: Sendable {
    private var providers: [ProviderKind: any JobProvider]

    public init(_ providers: [any JobProvider]) {
        self.providers = Dictionary(providers.map { ($0.kind, $0) }, uniquingKeysWith: { $1 })
    }

    public func provider(for kind: ProviderKind) -> any JobProvider {
        providers[kind] ?? MissingProvider(kind: kind)
    }
}

/// Stands in for a kind without an adapter, failing clearly instead of crashing.
struct MissingProvider: JobProvider {
    let kind: ProviderKind
    func fetch(_ source: JobSource) async throws -> ProviderListing {
        throw ProviderError.misconfigured("no adapter is registered for \(kind.rawValue)")
    }
}

import Foundation

/// A place Wayfinder pulls postings from: a provider kind, what to ask it for, and when.
public struct JobSource: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: ProviderKind
    public var parameters: SourceParameters
    /// A cron expression (5-field or AWS `cron(…)`), in UTC.
    public var schedule: String
    public var enabled: Bool
    public var createdAt: Date

    public init(
        id: Int64, name: String, kind: ProviderKind, parameters: SourceParameters, schedule: String = JobSource.defaultSchedule,
        enabled: Bool = true, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.schedule = schedule
        self.enabled = enabled
        self.createdAt = createdAt
    }

    /// Every six hours, on the hour.
    public static let defaultSchedule = "0 */6 * * *"
}

/// The provider kinds Wayfinder has adapters for.
public enum ProviderKind: String, Sendable, Codable, CaseIterable {
    case greenhouse, lever, ashby, jsonld, xmlfeed, demo

    /// The parameter a source of this kind cannot do without.
    public var requiredParameter: SourceParameters.Name? {
        switch self {
        case .greenhouse, .ashby: .board
        case .lever: .site
        case .jsonld, .xmlfeed: .url
        case .demo: nil
        }
    }
}

/// What a source asks its provider for. Which fields matter depends on the kind.
public struct SourceParameters: Sendable, Equatable, Codable {
    /// Greenhouse and Ashby board token.
    public var board: String?
    /// Lever site name.
    public var site: String?
    /// The feed or page for `jsonld` and `xmlfeed`.
    public var url: String?
    /// How many postings the `demo` provider makes.
    public var count: Int?
    /// Replaces the provider's public endpoint (self-hosted boards, test servers).
    public var baseURL: String?

    public enum Name: String, Sendable { case board, site, url, count, baseURL = "base_url" }

    private enum CodingKeys: String, CodingKey {
        case board, site, url, count
        case baseURL = "base_url"
    }

    public init(board: String? = nil, site: String? = nil, url: String? = nil, count: Int? = nil, baseURL: String? = nil) {
        self.board = board
        self.site = site
        self.url = url
        self.count = count
        self.baseURL = baseURL
    }
}

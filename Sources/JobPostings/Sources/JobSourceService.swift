import Domain
import Foundation
import Platform

/// The operator's use cases for sources: add, list, remove, and ask for a sync now.
public struct JobSourceService: Sendable {
    private let sources: any JobSourceRepository
    private let queue: any TaskQueue
    private let clock: any WallClock

    public init(sources: any JobSourceRepository, queue: any TaskQueue, clock: any WallClock) {
        self.sources = sources
        self.queue = queue
        self.clock = clock
    }

    /// What an operator states when adding a source.
    public struct NewSource: Sendable {
        public var kind: String
        public var parameters: SourceParameters
        public var name: String?
        public var schedule: String?
        public var enabled: Bool

        public init(kind: String, parameters: SourceParameters, name: String? = nil, schedule: String? = nil, enabled: Bool = true) {
            self.kind = kind
            self.parameters = parameters
            self.name = name
            self.schedule = schedule
            self.enabled = enabled
        }
    }

    /// Validates every field at once (422 naming each bad one) and stores the source with its schedule.
    public func add(_ new: NewSource) async throws -> JobSource {
        var errors: [FieldError] = []
        let kind = ProviderKind(rawValue: new.kind.lowercased())
        if kind == nil {
            errors.append(FieldError(field: "kind", message: "must be one of \(ProviderKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        var parameters = new.parameters
        if let required = kind?.requiredParameter, Self.value(of: required, in: parameters)?.isEmpty ?? true {
            errors.append(FieldError(field: required.rawValue, message: "is required for a \(kind!.rawValue) source"))
        }
        for (field, url) in [("url", parameters.url), ("base_url", parameters.baseURL)] {
            if let url, !Self.isHTTPURL(url) { errors.append(FieldError(field: field, message: "must be an absolute http or https URL")) }
        }
        if kind == .demo { parameters.count = parameters.count ?? 100 }
        if let count = parameters.count, !(1...1_000_000).contains(count) {
            errors.append(FieldError(field: "count", message: "must be from 1 to 1,000,000"))
        }
        let schedule = (new.schedule?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? JobSource.defaultSchedule
        var firstRun: Date?
        do {
            firstRun = try CronExpression(schedule).next(after: clock.now())
        } catch let error as CronError {
            errors.append(FieldError(field: "schedule", message: error.reason))
        }
        let name = (new.name?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 }
        if let name, name.count > 200 { errors.append(FieldError(field: "name", message: "must be at most 200 characters")) }
        guard errors.isEmpty, let kind else { throw DomainError.invalid("The source has invalid fields.", fieldErrors: errors) }
        return try await sources.add(
            name: name ?? Self.defaultName(kind: kind, parameters: parameters), kind: kind, parameters: parameters,
            schedule: schedule, enabled: new.enabled, createdAt: clock.now(), firstRunAt: firstRun
        )
    }

    public func statuses() async throws -> [JobSourceStatus] {
        try await sources.statuses()
    }

    public func status(id: Int64) async throws -> JobSourceStatus {
        guard let status = try await sources.status(id: id) else { throw Self.notFound(id) }
        return status
    }

    public func remove(id: Int64) async throws {
        guard try await sources.remove(id: id) else { throw Self.notFound(id) }
    }

    /// Queues a sync of the source now; returns the task's id.
    public func requestSync(id: Int64) async throws -> Int64 {
        guard try await sources.source(id: id) != nil else { throw Self.notFound(id) }
        return try await queue.enqueue(try SyncJobSourceTask.onDemand(sourceID: id, requestedAt: clock.now())).id
    }

    public func runs(of id: Int64, limit: Int = 20) async throws -> [SyncRun] {
        guard try await sources.source(id: id) != nil else { throw Self.notFound(id) }
        return try await sources.runs(of: id, limit: limit)
    }

    private static func notFound(_ id: Int64) -> DomainError { .notFound("No source has the id \(id).") }

    private static func value(of name: SourceParameters.Name, in parameters: SourceParameters) -> String? {
        switch name {
        case .board: parameters.board
        case .site: parameters.site
        case .url: parameters.url
        case .count: parameters.count.map(String.init)
        case .baseURL: parameters.baseURL
        }
    }

    private static func isHTTPURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && !(components.host ?? "").isEmpty
    }

    static func defaultName(kind: ProviderKind, parameters: SourceParameters) -> String {
        let detail = parameters.board ?? parameters.site ?? parameters.url.flatMap { URLComponents(string: $0)?.host } ?? parameters.count.map { "\($0) postings" }
        return [kind.rawValue, detail].compactMap { $0 }.joined(separator: " ")
    }
}

import Foundation
import Platform

/// One provider's adapter: fetches a source's current listing and maps each posting into the normalized
/// draft shape (`job_id` = `provider#external_id`, snake_case fields, pay per `interval`).
///
/// Adding a provider is one file conforming to this protocol and one line in `JobProviders`.
public protocol JobProvider: Sendable {
    var kind: ProviderKind { get }
    /// The whole current listing of `source`. Throws `ProviderError` when the provider cannot be read;
    /// a posting that cannot be mapped is returned in `skipped`, never thrown.
    func fetch(_ source: JobSource) async throws -> ProviderListing
}

/// What a provider lists now.
public struct ProviderListing: Sendable {
    public var drafts: [JobPostingDraft]
    public var skipped: [SkippedPosting]
    /// True when `drafts` is everything the source lists, so postings missing from it have closed.
    /// A provider that could only read part of its listing says false, and nothing is closed.
    public var isComplete: Bool

    public init(drafts: [JobPostingDraft], skipped: [SkippedPosting] = [], isComplete: Bool = true) {
        self.drafts = drafts
        self.skipped = skipped
        self.isComplete = isComplete
    }
}

/// A posting left out of a listing, with why, so operators see it counted and explained.
public struct SkippedPosting: Sendable, Equatable, Codable {
    public var externalID: String?
    public var reason: String

    private enum CodingKeys: String, CodingKey { case externalID = "external_id", reason }

    public init(externalID: String?, reason: String) {
        self.externalID = externalID
        self.reason = reason
    }
}

/// Why a provider could not be read. Each case fails the sync task, which is retried and then dead-lettered.
public enum ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The provider asked us to slow down (HTTP 429 or 503 with `Retry-After`).
    case throttled(retryAfter: Duration?)
    /// The provider answered with an error status.
    case httpStatus(Int, url: String)
    /// The answer was not the document the provider documents.
    case malformed(String)
    /// No answer in time, or the connection failed.
    case unreachable(String)
    /// The source is misconfigured (missing board, bad URL): retrying will not help.
    case misconfigured(String)
    /// Too many recent failures: the circuit breaker is open until `retryAfter`.
    case circuitOpen(retryAfter: Duration)

    public var description: String {
        switch self {
        case .throttled(let after): "throttled by the provider" + (after.map { "; retry after \($0.components.seconds) s" } ?? "")
        case .httpStatus(let status, let url): "HTTP \(status) from \(url)"
        case .malformed(let message): "malformed answer: \(message)"
        case .unreachable(let message): "unreachable: \(message)"
        case .misconfigured(let message): "misconfigured source: \(message)"
        case .circuitOpen(let after): "circuit open after repeated failures; next try in \(after.components.seconds) s"
        }
    }

    /// The delay the provider asked for, if any; the queue waits at least this long before retrying.
    public var retryAfter: Duration? {
        switch self {
        case .throttled(let after): after
        case .circuitOpen(let after): after
        default: nil
        }
    }
}

extension ProviderError: RetryAfterHinting {}

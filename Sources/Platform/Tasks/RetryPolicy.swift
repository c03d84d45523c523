import Domain
import Foundation

/// When a failed task runs again: exponential backoff with jitter, never sooner than a dependency's
/// own `Retry-After`.
///
/// The n-th receive that fails waits `base × 2^(n-1)`, capped at `cap`, scaled by a random factor
/// in [0.5, 1) so that many tasks failing together do not come back together.
public struct RetryPolicy: Sendable {
    public var base: Duration
    public var cap: Duration
    private let random: @Sendable () -> Double

    /// `random` returns a value in [0, 1); pass a seeded one in tests.
    public init(base: Duration = .seconds(2), cap: Duration = .seconds(600), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.base = base
        self.cap = cap
        self.random = random
    }

    public func delay(afterReceive receives: Int, retryAfter: Duration? = nil) -> Duration {
        let exponent = min(max(receives - 1, 0), 30)
        let raw = base.seconds * pow(2, Double(exponent))
        let backoff = min(raw, cap.seconds) * (0.5 + random() / 2)
        let floor = retryAfter?.seconds ?? 0
        return .milliseconds(Int((max(backoff, floor) * 1_000).rounded(.up)))
    }

    public func retryAt(now: Date, afterReceive receives: Int, retryAfter: Duration? = nil) -> Date {
        now.addingTimeInterval(delay(afterReceive: receives, retryAfter: retryAfter).seconds)
    }
}

/// An error that knows when it is worth trying again (a provider's `Retry-After`).
public protocol RetryAfterHinting: Error {
    var retryAfter: Duration? { get }
}

import Domain
import Foundation

/// A token bucket: `rate` requests per second on average, bursts of up to `burst`. Callers wait
/// for a token instead of being refused, so a sync slows down rather than fails.
public actor RateLimiter {
    public let rate: Double
    public let burst: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    public init(rate: Double, burst: Int) {
        precondition(rate > 0 && burst > 0)
        self.rate = rate
        self.burst = Double(burst)
        tokens = Double(burst)
        updated = .now
    }

    /// Waits until a token is free and takes it.
    public func acquire() async throws {
        refill()
        if tokens >= 1 {
            tokens -= 1
            return
        }
        // Reserve the next token now (tokens goes negative), so concurrent callers queue up in order.
        let wait = (1 - tokens) / rate
        tokens -= 1
        try await Task.sleep(for: .milliseconds(Int((wait * 1_000).rounded(.up))))
    }

    private func refill() {
        let now = ContinuousClock.now
        tokens = min(burst, tokens + (now - updated).seconds * rate)
        updated = now
    }
}

/// One limiter per key (a provider kind, a host), made on first use with the same rate.
public actor RateLimiters {
    private let rate: Double
    private let burst: Int
    private var limiters: [String: RateLimiter] = [:]

    public init(rate: Double, burst: Int) {
        self.rate = rate
        self.burst = burst
    }

    public func limiter(for key: String) -> RateLimiter {
        if let limiter = limiters[key] { return limiter }
        let limiter = RateLimiter(rate: rate, burst: burst)
        limiters[key] = limiter
        return limiter
    }
}

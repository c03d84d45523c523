import Foundation
import Synchronization

/// Token buckets per key (a client address, an API key, a user) for admitting requests: a bucket
/// holds up to `capacity` tokens and refills at `capacity / period`; a request takes one or is refused.
///
/// Buckets live in this process's memory, so a check costs no database round trip; with several
/// processes each keeps its own (see `RateLimitRule.dividedAmong`). Idle buckets are forgotten
/// once full again, which bounds memory by the number of recently active clients.
public final class TokenBuckets: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
        var rate: Double
        var capacity: Double
    }

    private let state = Mutex<(buckets: [String: Bucket], calls: Int)>(([:], 0))
    private let now: @Sendable () -> Double

    /// `now` gives seconds on a monotonic scale (injected by tests).
    public init(now: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.now = now
    }

    /// Takes a token from `key`'s bucket under `rule`, or says when one will be free.
    public func admit(_ key: String, rule: RateLimitRule) -> RateLimitDecision {
        let time = now()
        let rate = Double(rule.limit) / rule.period
        return state.withLock { state in
            state.calls += 1
            if state.calls % 10_000 == 0 { Self.forgetFullBuckets(&state.buckets, at: time) }
            var bucket = state.buckets[key] ?? Bucket(tokens: Double(rule.limit), updated: time, rate: rate, capacity: Double(rule.limit))
            bucket.rate = rate
            bucket.capacity = Double(rule.limit)
            bucket.tokens = min(Double(rule.limit), bucket.tokens + (time - bucket.updated) * rate)
            bucket.updated = time
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            state.buckets[key] = bucket
            let untilFull = (Double(rule.limit) - bucket.tokens) / rate
            return RateLimitDecision(
                allowed: allowed, limit: rule.limit, remaining: Int(bucket.tokens.rounded(.down)),
                resetSeconds: Int(untilFull.rounded(.up)),
                retryAfterSeconds: allowed ? 0 : max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
            )
        }
    }

    private static func forgetFullBuckets(_ buckets: inout [String: Bucket], at time: Double) {
        buckets = buckets.filter { _, bucket in bucket.tokens + (time - bucket.updated) * bucket.rate < bucket.capacity }
    }
}

/// `limit` requests per `period` seconds, in bursts of up to `limit`.
public struct RateLimitRule: Sendable, Equatable {
    public var limit: Int
    public var period: TimeInterval

    public init(limit: Int, period: TimeInterval) {
        precondition(limit > 0 && period > 0)
        self.limit = limit
        self.period = period
    }

    public static func perSecond(_ limit: Int) -> RateLimitRule { RateLimitRule(limit: limit, period: 1) }
    public static func perMinute(_ limit: Int) -> RateLimitRule { RateLimitRule(limit: limit, period: 60) }

    /// The share of one of `processes` servers behind a load balancer that spreads requests evenly,
    /// so together they admit about the configured rate.
    public func dividedAmong(_ processes: Int) -> RateLimitRule {
        RateLimitRule(limit: max(1, limit / max(1, processes)), period: period)
    }
}

/// The answer for one request, with what the `RateLimit-*` headers report.
public struct RateLimitDecision: Sendable, Equatable {
    public var allowed: Bool
    public var limit: Int
    public var remaining: Int
    /// Seconds until the bucket is full again.
    public var resetSeconds: Int
    /// Seconds until the next request would be admitted (0 when this one was).
    public var retryAfterSeconds: Int
}

import Foundation
import Platform
import Synchronization
import Testing

@Suite("Token buckets")
struct TokenBucketsTests {
    /// A hand-moved clock in seconds.
    final class Time: Sendable {
        let seconds = Mutex(0.0)
        func advance(_ by: Double) { seconds.withLock { $0 += by } }
    }

    @Test("admits a burst of the limit, refuses the next with a retry time, and refills over the period")
    func burstThenRefuse() {
        let time = Time()
        let buckets = TokenBuckets(now: { time.seconds.withLock { $0 } })
        let rule = RateLimitRule.perMinute(100)
        for _ in 0..<100 { #expect(buckets.admit("ip:1", rule: rule).allowed) }
        let refused = buckets.admit("ip:1", rule: rule)
        #expect(!refused.allowed)
        #expect(refused.remaining == 0)
        #expect(refused.retryAfterSeconds == 1)
        #expect(refused.resetSeconds == 60)
        time.advance(0.6)
        #expect(buckets.admit("ip:1", rule: rule).allowed)
        #expect(!buckets.admit("ip:1", rule: rule).allowed)
        time.advance(60)
        #expect(buckets.admit("ip:1", rule: rule).remaining == 99)
    }

    @Test("keys have separate buckets")
    func separateKeys() {
        let buckets = TokenBuckets(now: { 0 })
        let rule = RateLimitRule.perSecond(1)
        #expect(buckets.admit("a", rule: rule).allowed)
        #expect(!buckets.admit("a", rule: rule).allowed)
        #expect(buckets.admit("b", rule: rule).allowed)
    }

    @Test("a rule divided among processes keeps at least one request")
    func divided() {
        #expect(RateLimitRule.perMinute(100).dividedAmong(4) == RateLimitRule.perMinute(25))
        #expect(RateLimitRule.perSecond(2).dividedAmong(8) == RateLimitRule.perSecond(1))
    }
}

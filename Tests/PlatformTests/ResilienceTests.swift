import Domain
import Foundation
import Platform
import Testing

@Suite("Retries, circuit breakers and rate limits")
struct ResilienceTests {
    @Test("backoff doubles per receive, with jitter between half and all of it, capped")
    func backoff() {
        let low = RetryPolicy(base: .seconds(2), cap: .seconds(60), random: { 0 })
        let high = RetryPolicy(base: .seconds(2), cap: .seconds(60), random: { 0.999_999 })
        #expect(low.delay(afterReceive: 1) == .seconds(1))
        #expect(low.delay(afterReceive: 2) == .seconds(2))
        #expect(low.delay(afterReceive: 3) == .seconds(4))
        #expect(high.delay(afterReceive: 3) <= .seconds(8))
        #expect(high.delay(afterReceive: 3) > .milliseconds(7_900))
        #expect(high.delay(afterReceive: 20) <= .seconds(60))
    }

    @Test("a provider's Retry-After is a floor under the backoff")
    func retryAfterFloor() {
        let policy = RetryPolicy(base: .seconds(2), random: { 0 })
        #expect(policy.delay(afterReceive: 1, retryAfter: .seconds(30)) == .seconds(30))
        #expect(policy.delay(afterReceive: 3, retryAfter: .seconds(1)) == .seconds(4))
    }

    @Test("the breaker opens after repeated failures, half-opens after its cool-down, closes on success")
    func breaker() async {
        let clock = AdjustableWallClock(Date(timeIntervalSince1970: 1_000_000))
        let breaker = CircuitBreaker(failureThreshold: 3, coolDown: .seconds(60), clock: clock)
        for _ in 0..<2 { await breaker.recordFailure() }
        #expect(await breaker.permit() == .allowed)
        await breaker.recordFailure()
        #expect(await breaker.permit() == .refused(retryAfter: .seconds(60)))
        clock.advance(by: 61)
        #expect(await breaker.permit() == .allowed)
        #expect(await breaker.permit() != .allowed, "one trial at a time while half-open")
        await breaker.recordFailure()
        #expect(await breaker.permit() == .refused(retryAfter: .seconds(60)))
        clock.advance(by: 61)
        #expect(await breaker.permit() == .allowed)
        await breaker.recordSuccess()
        #expect(await breaker.state == .closed(failures: 0))
    }

    @Test("the rate limiter lets a burst through and then spaces requests out")
    func rateLimit() async throws {
        let limiter = RateLimiter(rate: 50, burst: 2)
        let started = ContinuousClock.now
        for _ in 0..<5 { try await limiter.acquire() }
        // Two free, three more at 50 per second: at least 60 ms.
        #expect(ContinuousClock.now - started >= .milliseconds(55))
    }

    @Test("Retry-After is read as seconds or as an HTTP date")
    func retryAfterHeader() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(HTTPFetchResponse(status: 429, headers: ["Retry-After": "7"], body: Data()).retryAfter(now: now) == .seconds(7))
        let later = HTTPFetchResponse(status: 503, headers: ["retry-after": "Sun, 19 Nov 2026 06:13:40 GMT"], body: Data())
        #expect(later.retryAfter(now: Date(timeIntervalSince1970: 1_795_500_000)) != nil)
        #expect(HTTPFetchResponse(status: 429, body: Data()).retryAfter(now: now) == nil)
    }
}

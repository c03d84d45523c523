import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Platform
import Testing
import WayfinderApp

@Suite("Brute-force throttling and rate limits")
struct ThrottleAndRateLimitTests {
    @Test("five wrong passwords lock an account's sign-in for the window, even with the right one; it opens again after")
    func accountThrottle() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            _ = try await client.signUpAndIn(services, email: "jo@example.com")
            for _ in 0..<5 {
                #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Wrong-Pass-1"]).status == .unauthorized)
            }
            let locked = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.isProblem)
            #expect(Int(locked.headers[.retryAfter] ?? "") == 900)
            // Another account is not affected.
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "candidate@example.com", "password": "Candidate-Pass-1!"]).status == .ok)
            clock.advance(by: 901)
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"]).status == .ok)
        }
    }

    @Test("an unknown email is throttled like a known one, so 429 reveals nothing")
    func unknownEmailThrottled() async throws {
        try await TestApp.withClient { client async throws in
            for _ in 0..<5 {
                #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "ghost@example.com", "password": "Wrong-Pass-1"]).status == .unauthorized)
            }
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "ghost@example.com", "password": "Wrong-Pass-1"]).status == .tooManyRequests)
        }
    }

    @Test("one client address guessing across many accounts is throttled (live server, real peer address)")
    func addressThrottle() async throws {
        try await TestApp.withServices { services in
            try await TestApp.live(services).test(.live) { client async throws in
                var statuses: [HTTPResponse.Status] = []
                for index in 0..<31 {
                    statuses.append(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "user\(index)@example.com", "password": "Wrong-Pass-1"]).status)
                }
                #expect(statuses.prefix(30).allSatisfy { $0 == .unauthorized })
                #expect(statuses.last == .tooManyRequests)
            }
        }
    }

    @Test("wrong MFA codes and wrong verification tokens are throttled too")
    func otherThrottles() async throws {
        try await TestApp.withServices { services in
            try await TestApp.live(services).test(.live) { client async throws in
                var last: HTTPResponse.Status = .ok
                for _ in 0..<31 { last = try await client.send(.post, "/api/v1/auth/verify", json: ["token": "guess"]).status }
                #expect(last == .tooManyRequests)
            }
        }
    }

    @Test("anonymous requests are limited per address with RateLimit headers, and 429 says when to retry")
    func anonymousRateLimit() async throws {
        let settings = TestApp.settings { $0.accounts.anonymousRatePerMinute = 3 }
        try await TestApp.withServices(settings: settings) { services in
            try await TestApp.live(services).test(.live) { client async throws in
                for remaining in [2, 1, 0] {
                    let response = try await client.send(.get, "/api/v1/jobs?q=engineer")
                    #expect(response.status == .ok)
                    #expect(response.headers[HTTPField.Name("RateLimit-Limit")!] == "3")
                    #expect(response.headers[HTTPField.Name("RateLimit-Remaining")!] == String(remaining))
                }
                let refused = try await client.send(.get, "/api/v1/jobs?q=engineer")
                #expect(refused.status == .tooManyRequests)
                #expect(refused.isProblem)
                #expect((1...20).contains(Int(refused.headers[.retryAfter] ?? "") ?? 0))
                #expect(refused.headers[HTTPField.Name("RateLimit-Remaining")!] == "0")
                #expect(try await client.send(.get, "/health").status == .ok)
                // Published media is fetched by the networks, not limited with the address's other requests.
                let media = try await client.send(.get, "/media/unknown/key")
                #expect(media.status == .notFound)
                #expect(media.headers[HTTPField.Name("RateLimit-Limit")!] == nil)
                // A signed-in user has a bucket of their own.
                #expect(try await client.send(.get, "/api/v1/jobs?q=engineer", token: TestApp.candidateAccessToken).status == .ok)
            }
        }
    }

    @Test("behind a trusted proxy, each forwarded client has its own bucket; an untrusted peer's header is ignored")
    func trustedProxies() async throws {
        let settings = TestApp.settings {
            $0.accounts.anonymousRatePerMinute = 1
            $0.accounts.trustedProxies = ["127.0.0.0/8"]
        }
        try await TestApp.withServices(settings: settings) { services in
            try await TestApp.live(services).test(.live) { client async throws in
                let forwarded = HTTPField.Name("X-Forwarded-For")!
                #expect(try await client.send(.get, "/api/v1/jobs", headers: [forwarded: "203.0.113.7"]).status == .ok)
                #expect(try await client.send(.get, "/api/v1/jobs", headers: [forwarded: "203.0.113.7"]).status == .tooManyRequests)
                // A client cannot escape by prepending an address: the proxy appended the real one.
                #expect(try await client.send(.get, "/api/v1/jobs", headers: [forwarded: "198.51.100.1, 203.0.113.7"]).status == .tooManyRequests)
                #expect(try await client.send(.get, "/api/v1/jobs", headers: [forwarded: "203.0.113.8"]).status == .ok)
            }
        }
    }
}

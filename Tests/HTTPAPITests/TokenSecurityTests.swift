import Crypto
import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import HummingbirdTesting
import Platform
import Testing
import WayfinderApp

@Suite("Access tokens that must not work")
struct TokenSecurityTests {
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ part: Substring) -> [String: Any] {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return (try? JSONSerialization.jsonObject(with: Data(base64Encoded: base64) ?? Data())) as? [String: Any] ?? [:]
    }

    /// A token with `claims`, signed HS256 with `secret` (or unsigned with `alg: none`).
    static func forge(_ claims: [String: Any], secret: String?, alg: String = "HS256") throws -> String {
        let header = base64URL(try JSONSerialization.data(withJSONObject: ["alg": alg, "typ": "JWT", "kid": "wayfinder"]))
        let payload = base64URL(try JSONSerialization.data(withJSONObject: claims))
        guard let secret else { return "\(header).\(payload)." }
        let signature = HMAC<SHA256>.authenticationCode(for: Data("\(header).\(payload)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "\(header).\(payload).\(base64URL(Data(signature)))"
    }

    @Test("an expired token is 401")
    func expired() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            clock.advance(by: 3_599)
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).status == .ok)
            clock.advance(by: 2)
            let response = try await client.send(.get, "/api/v1/users/me", token: access)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test("a token whose claims were changed is 401, and so is one signed with another key or none")
    func tamperedAndForged() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let parts = access.split(separator: ".")
            var claims = Self.decode(parts[1])
            claims["cognito:groups"] = ["admin"]
            let tampered = "\(parts[0]).\(Self.base64URL(try JSONSerialization.data(withJSONObject: claims))).\(parts[2])"
            #expect(try await client.send(.get, "/api/v1/admin/users", token: tampered).status == .unauthorized)
            let otherKey = try Self.forge(claims, secret: "another-secret-that-is-at-least-32-bytes")
            #expect(try await client.send(.get, "/api/v1/users/me", token: otherKey).status == .unauthorized)
            let unsigned = try Self.forge(claims, secret: nil, alg: "none")
            #expect(try await client.send(.get, "/api/v1/users/me", token: unsigned).status == .unauthorized)
            for garbage in ["", "abc", "a.b.c", String(access.dropLast(2))] {
                #expect(try await client.send(.get, "/api/v1/users/me", token: garbage).status == .unauthorized)
            }
            // The genuine token still works, so the refusals above were about the changes.
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).status == .ok)
        }
    }

    @Test("an MFA challenge token is not an access token")
    func challengeIsNotAccess() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            var claims = Self.decode(access.split(separator: ".")[1])
            claims["token_use"] = "mfa_challenge"
            let challenge = try Self.forge(claims, secret: "test-signing-secret-of-at-least-32-bytes")
            #expect(try await client.send(.get, "/api/v1/users/me", token: challenge).status == .unauthorized)
        }
    }

    @Test("a deleted account's token stops working")
    func deletedAccount() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, refresh) = try await client.signUpAndIn(services, email: "jo@example.com")
            #expect(try await client.send(.delete, "/api/v1/users/me", token: access).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/refresh", json: ["refresh_token": refresh]).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"]).status == .unauthorized)
        }
    }
}

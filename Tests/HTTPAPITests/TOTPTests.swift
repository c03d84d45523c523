import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Platform
import Testing
import WayfinderApp

@Suite("TOTP two-factor sign-in")
struct TOTPTests {
    /// RFC 4648 base32 without padding, as authenticator apps read a secret.
    static func base32Decode(_ text: String) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0
        var bytes: [UInt8] = []
        for character in text.uppercased() {
            guard let index = alphabet.firstIndex(of: character) else { continue }
            value = (value << 5) | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }

    /// The code an authenticator app holding `secret` shows at `date`.
    static func code(_ secret: String, at date: Date) -> String {
        let key = String(decoding: base32Decode(secret), as: UTF8.self)
        return String(format: "%06d", TOTP(secret: key).compute(date: date))
    }

    @Test("the library computes RFC 6238's reference codes (SHA-1, the 20-byte ASCII secret)")
    func referenceVectors() {
        let totp = TOTP(secret: "12345678901234567890", length: 8)
        #expect(totp.compute(date: Date(timeIntervalSince1970: 59)) == 94_287_082)
        #expect(totp.compute(date: Date(timeIntervalSince1970: 1_111_111_109)) == 7_081_804)
        #expect(totp.compute(date: Date(timeIntervalSince1970: 20_000_000_000)) == 65_353_130)
    }

    @Test("enrol, confirm, then sign in with a challenge and a code; a code works once; recovery codes work once")
    func enrolAndSignIn() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let setup = try await client.send(.post, "/api/v1/auth/mfa/totp", token: access)
            #expect(setup.status == .ok)
            let secret = try #require(setup.json["secret"] as? String)
            let uri = try #require(setup.json["otpauth_uri"] as? String)
            #expect(uri.hasPrefix("otpauth://totp/") && uri.contains("secret=\(secret)") && uri.contains("issuer=Wayfinder"))

            let wrong = try await client.send(.post, "/api/v1/auth/mfa/totp/confirm", json: ["code": "000000"], token: access)
            #expect(wrong.status == .unprocessableContent && wrong.problemFields == ["code"])
            let confirm = try await client.send(.post, "/api/v1/auth/mfa/totp/confirm", json: ["code": Self.code(secret, at: clock.now())], token: access)
            #expect(confirm.status == .ok)
            let recovery = try #require(confirm.json["recovery_codes"] as? [String])
            #expect(recovery.count == 10 && Set(recovery).count == 10)

            // The confirming code was used; the next one is a step later.
            clock.advance(by: 30)
            let challenge = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"])
            #expect(challenge.json["challenge"] as? String == "totp" && challenge.json["access_token"] == nil)
            let challengeToken = try #require(challenge.json["challenge_token"] as? String)
            let bad = try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": challengeToken, "code": "123456"])
            #expect(bad.status == .unauthorized)
            let code = Self.code(secret, at: clock.now())
            let good = try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": challengeToken, "code": code])
            #expect(good.status == .ok && good.json["access_token"] is String)
            let replay = try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": challengeToken, "code": code])
            #expect(replay.status == .unauthorized)

            let withRecovery = try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": challengeToken, "code": recovery[0].uppercased()])
            #expect(withRecovery.status == .ok)
            #expect(try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": challengeToken, "code": recovery[0]]).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).json["mfa_enabled"] as? Bool == true)
        }
    }

    @Test("a code from one step either side is accepted, an older one is not; a challenge expires after five minutes")
    func clockDrift() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let secret = try #require(try await client.send(.post, "/api/v1/auth/mfa/totp", token: access).json["secret"] as? String)
            _ = try await client.send(.post, "/api/v1/auth/mfa/totp/confirm", json: ["code": Self.code(secret, at: clock.now())], token: access)
            clock.advance(by: 120)
            let token = try #require(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"]).json["challenge_token"] as? String)
            let stale = Self.code(secret, at: clock.now().addingTimeInterval(-60))
            #expect(try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": token, "code": stale]).status == .unauthorized)
            let ahead = Self.code(secret, at: clock.now().addingTimeInterval(30))
            #expect(try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": token, "code": ahead]).status == .ok)
            clock.advance(by: 301)
            let late = Self.code(secret, at: clock.now())
            #expect(try await client.send(.post, "/api/v1/auth/signin/totp", json: ["challenge_token": token, "code": late]).status == .unauthorized)
        }
    }

    @Test("turning TOTP off needs a current code; afterwards sign-in answers tokens at once")
    func removeTOTP() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let secret = try #require(try await client.send(.post, "/api/v1/auth/mfa/totp", token: access).json["secret"] as? String)
            _ = try await client.send(.post, "/api/v1/auth/mfa/totp/confirm", json: ["code": Self.code(secret, at: clock.now())], token: access)
            #expect(try await client.send(.post, "/api/v1/auth/mfa/totp", token: access).status == .conflict)
            clock.advance(by: 30)
            #expect(try await client.send(.delete, "/api/v1/auth/mfa/totp", json: ["code": "111111"], token: access).status == .unprocessableContent)
            #expect(try await client.send(.delete, "/api/v1/auth/mfa/totp", json: ["code": Self.code(secret, at: clock.now())], token: access).status == .noContent)
            let signIn = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"])
            #expect(signIn.json["access_token"] is String)
        }
    }
}

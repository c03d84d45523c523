import Domain
import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import HummingbirdTesting
import Platform
import Testing
import WayfinderApp

@Suite("Sign-up, verification, sign-in and sessions")
struct AuthFlowTests {
    @Test("sign up, read the mailed link, verify, sign in, and read the profile with the access token")
    func signUpToProfile() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let signUp = try await client.send(.post, "/api/v1/auth/signup", json: ["email": "Jo@Example.com", "password": "Sturdy-Pass-42", "name": "Jo"])
            #expect(signUp.status == .created)
            let unverified = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"])
            #expect(unverified.status == .forbidden)
            #expect((unverified.json["detail"] as? String)?.contains("/api/v1/auth/verify/resend") == true)

            let mail = try #require(try await services.deliverMail().last)
            #expect(mail.to.first?.address == "jo@example.com")
            #expect(mail.text.contains("https://wayfinder.test/verify?token="))
            let files = try FileManager.default.contentsOfDirectory(atPath: services.settings.dataDirectory + "/mail")
            #expect(files.contains { $0.hasSuffix(".eml") })
            let token = try #require(mail.value(after: "token="))
            #expect(try await client.send(.post, "/api/v1/auth/verify", json: ["token": token]).status == .ok)
            #expect(try await client.send(.post, "/api/v1/auth/verify", json: ["token": token]).status == .badRequest)

            let signIn = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"])
            #expect(signIn.status == .ok)
            #expect(signIn.json["token_type"] as? String == "Bearer")
            #expect(signIn.json["expires_in"] as? Int == 3_600)
            let access = try #require(signIn.json["access_token"] as? String)
            let me = try await client.send(.get, "/api/v1/users/me", token: access)
            #expect(me.status == .ok)
            #expect(me.json["email"] as? String == "jo@example.com")
            #expect(me.json["groups"] as? [String] == ["candidate"])
            #expect(me.json["email_verified"] as? Bool == true)
        }
    }

    @Test("a new verification mail replaces the old one, and only unverified accounts get one")
    func resendVerification() async throws {
        try await TestApp.withServicesAndClient { services, client in
            _ = try await client.send(.post, "/api/v1/auth/signup", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42", "name": "Jo"])
            let first = try #require(try await services.deliverMail().last?.value(after: "token="))
            #expect(try await client.send(.post, "/api/v1/auth/verify/resend", json: ["email": "jo@example.com"]).status == .accepted)
            let second = try #require(try await services.deliverMail().last?.value(after: "token="))
            #expect(first != second)
            #expect(try await client.send(.post, "/api/v1/auth/verify", json: ["token": first]).status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/auth/verify", json: ["token": second]).status == .ok)
            #expect(try await client.send(.post, "/api/v1/auth/verify/resend", json: ["email": "jo@example.com"]).status == .accepted)
            #expect(try await client.send(.post, "/api/v1/auth/verify/resend", json: ["email": "nobody@example.com"]).status == .accepted)
            #expect(try await services.deliverMail().isEmpty)
        }
    }

    @Test("signing up with a taken email answers like a new sign-up and mails the owner instead")
    func noEnumerationThroughSignUp() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let body: [String: Any] = ["email": "jo@example.com", "password": "Sturdy-Pass-42", "name": "Jo"]
            let first = try await client.send(.post, "/api/v1/auth/signup", json: body)
            _ = try await services.deliverMail()
            let second = try await client.send(.post, "/api/v1/auth/signup", json: ["email": "JO@example.com", "password": "Other-Pass-99", "name": "Mallory"])
            #expect(first.status == second.status)
            #expect(Data(buffer: first.body) == Data(buffer: second.body))
            let mails = try await services.deliverMail()
            #expect(mails.count == 1)
            #expect(mails.first?.subject == "Someone tried to sign up with your email")
            #expect(mails.first?.text.contains("token=") == false)
        }
    }

    @Test("sign-in answers the same for an unknown email and a wrong password")
    func noEnumerationThroughSignIn() async throws {
        try await TestApp.withServicesAndClient { services, client in
            _ = try await client.signUpAndIn(services, email: "jo@example.com")
            let unknown = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "nobody@example.com", "password": "Sturdy-Pass-42"])
            let wrong = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Wrong-Pass-42"])
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(unknown.json["detail"] as? String == wrong.json["detail"] as? String)
        }
    }

    @Test("the password policy names each broken rule, and bad sign-up fields are named together")
    func passwordPolicy() async throws {
        try await TestApp.withClient { client in
            let weak = try await client.send(.post, "/api/v1/auth/signup", json: ["email": "not-an-email", "password": "password", "name": ""])
            #expect(weak.status == .unprocessableContent)
            #expect(weak.isProblem)
            #expect(Set(weak.problemFields) == ["email", "name", "password"])
            let messages = ((weak.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["message"] as? String }
            #expect(messages.contains("is one of the 10,000 most common passwords"))
            #expect(messages.contains("must contain a digit"))
            let missing = try await client.send(.post, "/api/v1/auth/signup", json: ["email": "jo@example.com"])
            #expect(missing.status == .badRequest)
            #expect(Set(missing.problemFields) == ["password", "name"])
        }
    }

    @Test("a refresh rotates the pair; replaying the old refresh token revokes the whole session")
    func refreshReuseRevokesFamily() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, refresh) = try await client.signUpAndIn(services, email: "jo@example.com")
            let rotated = try await client.send(.post, "/api/v1/auth/refresh", json: ["refresh_token": refresh])
            #expect(rotated.status == .ok)
            let newRefresh = try #require(rotated.json["refresh_token"] as? String)
            let newAccess = try #require(rotated.json["access_token"] as? String)
            #expect(newRefresh != refresh)
            #expect(try await client.send(.get, "/api/v1/users/me", token: newAccess).status == .ok)

            let replay = try await client.send(.post, "/api/v1/auth/refresh", json: ["refresh_token": refresh])
            #expect(replay.status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/refresh", json: ["refresh_token": newRefresh]).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/users/me", token: newAccess).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).status == .unauthorized)
        }
    }

    @Test("sign-out ends the session: its access and refresh tokens stop working")
    func signOut() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, refresh) = try await client.signUpAndIn(services, email: "jo@example.com")
            #expect(try await client.send(.post, "/api/v1/auth/signout", token: access).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/refresh", json: ["refresh_token": refresh]).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/signout").status == .unauthorized)
        }
    }

    @Test("forgot-password is accepted for any email; the mailed token resets once and ends every session")
    func passwordReset() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let unknown = try await client.send(.post, "/api/v1/auth/password/forgot", json: ["email": "nobody@example.com"])
            let known = try await client.send(.post, "/api/v1/auth/password/forgot", json: ["email": "jo@example.com"])
            #expect(unknown.status == .accepted && known.status == .accepted)
            #expect(Data(buffer: unknown.body) == Data(buffer: known.body))
            let mails = try await services.deliverMail()
            #expect(mails.count == 1)
            let token = try #require(mails.first?.value(after: "token="))
            let weak = try await client.send(.post, "/api/v1/auth/password/reset", json: ["token": token, "password": "short"])
            #expect(weak.status == .unprocessableContent)
            #expect(try await client.send(.post, "/api/v1/auth/password/reset", json: ["token": token, "password": "Brand-New-Pass-7"]).status == .ok)
            #expect(try await client.send(.post, "/api/v1/auth/password/reset", json: ["token": token, "password": "Other-New-Pass-8"]).status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"]).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Brand-New-Pass-7"]).status == .ok)
        }
    }

    @Test("a reset token expires after an hour")
    func resetTokenExpires() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            _ = try await client.signUpAndIn(services, email: "jo@example.com")
            _ = try await client.send(.post, "/api/v1/auth/password/forgot", json: ["email": "jo@example.com"])
            let token = try #require(try await services.deliverMail().last?.value(after: "token="))
            clock.advance(by: 3_601)
            #expect(try await client.send(.post, "/api/v1/auth/password/reset", json: ["token": token, "password": "Brand-New-Pass-7"]).status == .badRequest)
        }
    }

    @Test("changing the password keeps this session and ends every other one")
    func passwordChange() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (first, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let second = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"])
            let other = try #require(second.json["access_token"] as? String)
            let wrong = try await client.send(.post, "/api/v1/auth/password/change", json: ["current_password": "nope", "new_password": "Brand-New-Pass-7"], token: first)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.problemFields == ["current_password"])
            let changed = try await client.send(.post, "/api/v1/auth/password/change", json: ["current_password": "Sturdy-Pass-42", "new_password": "Brand-New-Pass-7"], token: first)
            #expect(changed.status == .ok)
            #expect(try await client.send(.get, "/api/v1/users/me", token: first).status == .ok)
            #expect(try await client.send(.get, "/api/v1/users/me", token: other).status == .unauthorized)
        }
    }
}

import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import HummingbirdTesting
import Platform
import Testing
import WayfinderApp

@Suite("Administering users")
struct AdminUserTests {
    @Test("administrators page through users; others get 403")
    func listUsers() async throws {
        try await TestApp.withServicesAndClient { services, client in
            for index in 0..<3 { _ = try await client.signUpAndIn(services, email: "user\(index)@example.com") }
            #expect(try await client.send(.get, "/api/v1/admin/users", token: TestApp.candidateAccessToken).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/admin/users").status == .unauthorized)
            let first = try await client.send(.get, "/api/v1/admin/users?limit=2", token: TestApp.adminAccessToken)
            #expect(first.status == .ok)
            let page = try #require(first.json["users"] as? [[String: Any]])
            #expect(page.map { $0["email"] as? String } == ["admin@example.com", "candidate@example.com"])
            #expect(page.allSatisfy { $0["password_hash"] == nil })
            let cursor = try #require(first.json["next_cursor"] as? String)
            let second = try await client.send(.get, "/api/v1/admin/users?limit=2&cursor=\(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor)", token: TestApp.adminAccessToken)
            #expect((second.json["users"] as? [[String: Any]])?.map { $0["email"] as? String } == ["user0@example.com", "user1@example.com"])
            #expect(try await client.send(.get, "/api/v1/admin/users?limit=500", token: TestApp.adminAccessToken).problemFields == ["limit"])
        }
    }

    @Test("changing groups or disabling ends the user's sessions; a disabled user cannot sign in; admins cannot lock themselves out")
    func changeUsers() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let id = try #require(try await client.send(.get, "/api/v1/users/me", token: access).json["id"] as? String)
            let promoted = try await client.send(.patch, "/api/v1/admin/users/\(id)", json: ["groups": ["candidate", "employer"]], token: TestApp.adminAccessToken)
            #expect(promoted.status == .ok && promoted.json["groups"] as? [String] == ["candidate", "employer"])
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).status == .unauthorized)
            let again = try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"])
            let token = try #require(again.json["access_token"] as? String)
            #expect(try await client.send(.get, "/api/v1/users/me", token: token).json["groups"] as? [String] == ["candidate", "employer"])

            #expect(try await client.send(.patch, "/api/v1/admin/users/\(id)", json: ["disabled": true], token: TestApp.adminAccessToken).status == .ok)
            #expect(try await client.send(.get, "/api/v1/users/me", token: token).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"]).status == .forbidden)

            #expect(try await client.send(.patch, "/api/v1/admin/users/\(id)", json: ["groups": ["wizard"]], token: TestApp.adminAccessToken).problemFields == ["groups"])
            #expect(try await client.send(.patch, "/api/v1/admin/users/nobody", json: ["disabled": true], token: TestApp.adminAccessToken).status == .notFound)
            let adminID = try #require(try await client.send(.get, "/api/v1/users/me", token: TestApp.adminAccessToken).json["id"] as? String)
            #expect(try await client.send(.patch, "/api/v1/admin/users/\(adminID)", json: ["disabled": true], token: TestApp.adminAccessToken).status == .unprocessableContent)
        }
    }
}

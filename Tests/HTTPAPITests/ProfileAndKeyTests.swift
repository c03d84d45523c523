import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import HummingbirdTesting
import Platform
import Testing
import WayfinderApp

@Suite("Profiles, account export and API keys")
struct ProfileAndKeyTests {
    @Test("PUT replaces the profile, PATCH changes only what it names, and bad fields are all named")
    func profileUpdates() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let put = try await client.send(.put, "/api/v1/users/me", json: [
                "name": "Jo Tester", "headline": "Backend engineer", "location": "Berlin", "remote_preference": "hybrid",
                "desired_salary": 85_000, "salary_currency": "eur", "skills": ["Swift", "SQL", "swift"], "career_stage": "senior",
                "preferences": ["theme": "dark", "digest": true],
            ], token: access)
            #expect(put.status == .ok)
            #expect(put.json["salary_currency"] as? String == "EUR")
            #expect(put.json["skills"] as? [String] == ["Swift", "SQL"])
            #expect((put.json["preferences"] as? [String: Any])?["digest"] as? Bool == true)

            let patch = try await client.send(.patch, "/api/v1/users/me", json: ["headline": "Staff engineer", "location": NSNull()], token: access)
            #expect(patch.status == .ok)
            #expect(patch.json["headline"] as? String == "Staff engineer")
            #expect(patch.json["location"] is NSNull)
            #expect(patch.json["career_stage"] as? String == "senior")

            let bad = try await client.send(.patch, "/api/v1/users/me", json: [
                "remote_preference": "sometimes", "desired_salary": -5, "salary_currency": "euro", "skills": "Swift", "favourite": 1,
            ], token: access)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.problemFields) == ["remote_preference", "desired_salary", "salary_currency", "skills", "favourite"])
            // Nothing of the bad request was written.
            #expect(try await client.send(.get, "/api/v1/users/me", token: access).json["remote_preference"] as? String == "hybrid")

            let replaced = try await client.send(.put, "/api/v1/users/me", json: ["name": "Jo"], token: access)
            #expect(replaced.json["headline"] is NSNull && replaced.json["skills"] as? [String] == [])
            #expect(try await client.send(.put, "/api/v1/users/me", json: ["headline": "x"], token: access).problemFields == ["name"])
        }
    }

    @Test("the export holds the account, its keys (no secrets) and its saved searches; deleting the account removes it all")
    func exportAndDelete() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let key = try await client.send(.post, "/api/v1/api-keys", json: ["name": "laptop"], token: access)
            let secret = try #require(key.json["secret"] as? String)
            _ = try await client.send(.post, "/api/v1/searches", json: ["name": "Swift", "query": "q=swift"], token: access)
            let export = try await client.send(.get, "/api/v1/users/me/export", token: access)
            #expect(export.status == .ok)
            #expect((export.json["account"] as? [String: Any])?["email"] as? String == "jo@example.com")
            #expect((export.json["api_keys"] as? [[String: Any]])?.count == 1)
            #expect((export.json["saved_searches"] as? [[String: Any]])?.first?["name"] as? String == "Swift")
            #expect(!String(decoding: Data(buffer: export.body), as: UTF8.self).contains(secret))

            #expect(try await client.send(.delete, "/api/v1/users/me", token: access).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/jobs", apiKey: secret).status == .unauthorized)
            #expect(try await client.send(.post, "/api/v1/auth/signin", json: ["email": "jo@example.com", "password": "Sturdy-Pass-42"]).status == .unauthorized)
        }
    }

    @Test("an API key is shown once, authenticates search with its own rate limit, and stops working when deleted")
    func apiKeys() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let created = try await client.send(.post, "/api/v1/api-keys", json: ["name": "crawler", "rate_limit_per_second": 5], token: access)
            #expect(created.status == .created)
            let secret = try #require(created.json["secret"] as? String)
            let id = try #require(created.json["id"] as? String)
            #expect(secret.hasPrefix("wf_"))
            let listed = try await client.send(.get, "/api/v1/api-keys", token: access)
            let keys = try #require(listed.json["api_keys"] as? [[String: Any]])
            #expect(keys.count == 1 && keys[0]["secret"] == nil && keys[0]["rate_limit_per_second"] as? Int == 5)

            let search = try await client.send(.get, "/api/v1/jobs?q=engineer", apiKey: secret)
            #expect(search.status == .ok)
            #expect(search.headers[HTTPField.Name("RateLimit-Limit")!] == "5")
            #expect(try await client.send(.get, "/api/v1/jobs", apiKey: secret + "x").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/jobs", apiKey: "wf_nope_nope").status == .unauthorized)
            // A key is for search, not for acting as its owner.
            #expect(try await client.send(.get, "/api/v1/users/me", apiKey: secret).status == .unauthorized)

            let bad = try await client.send(.post, "/api/v1/api-keys", json: ["name": "", "rate_limit_per_second": 0], token: access)
            #expect(Set(bad.problemFields) == ["name", "rate_limit_per_second"])
            #expect(try await client.send(.delete, "/api/v1/api-keys/\(id)", token: access).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/jobs", apiKey: secret).status == .unauthorized)
        }
    }

    @Test("a second user gets 404 for the first user's keys and searches, and cannot change them")
    func secondUserSeesNothing() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (first, _) = try await client.signUpAndIn(services, email: "first@example.com")
            let (second, _) = try await client.signUpAndIn(services, email: "second@example.com")
            let key = try #require(try await client.send(.post, "/api/v1/api-keys", json: ["name": "k"], token: first).json["id"] as? String)
            let search = try #require(try await client.send(.post, "/api/v1/searches", json: ["name": "Swift", "query": "q=swift"], token: first).json["id"] as? String)

            #expect(try await client.send(.delete, "/api/v1/api-keys/\(key)", token: second).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/searches/\(search)", token: second).status == .notFound)
            #expect(try await client.send(.put, "/api/v1/searches/\(search)", json: ["name": "Mine", "query": "q=rust"], token: second).status == .notFound)
            #expect(try await client.send(.delete, "/api/v1/searches/\(search)", token: second).status == .notFound)
            #expect((try await client.send(.get, "/api/v1/searches", token: second).json["searches"] as? [Any])?.isEmpty == true)
            #expect((try await client.send(.get, "/api/v1/api-keys", token: second).json["api_keys"] as? [Any])?.isEmpty == true)
            #expect((try await client.send(.get, "/api/v1/users/me/export", token: second).json["saved_searches"] as? [Any])?.isEmpty == true)
            // Still there for their owner.
            #expect(try await client.send(.get, "/api/v1/searches/\(search)", token: first).status == .ok)
            #expect((try await client.send(.get, "/api/v1/api-keys", token: first).json["api_keys"] as? [Any])?.count == 1)
        }
    }

    @Test("every user route needs a signed-in user")
    func userRoutesNeedSignIn() async throws {
        try await TestApp.withClient { client in
            let routes: [(HTTPRequest.Method, String)] = [
                (.get, "/api/v1/users/me"), (.put, "/api/v1/users/me"), (.patch, "/api/v1/users/me"), (.delete, "/api/v1/users/me"),
                (.get, "/api/v1/users/me/export"), (.get, "/api/v1/api-keys"), (.post, "/api/v1/api-keys"), (.delete, "/api/v1/api-keys/x"),
                (.get, "/api/v1/searches"), (.post, "/api/v1/searches"), (.get, "/api/v1/searches/x"), (.put, "/api/v1/searches/x"),
                (.delete, "/api/v1/searches/x"), (.post, "/api/v1/auth/mfa/totp"), (.post, "/api/v1/auth/password/change"),
            ]
            for (method, uri) in routes {
                let response = try await client.send(method, uri, json: [:])
                #expect(response.status == .unauthorized, "\(method) \(uri)")
                #expect(response.isProblem)
            }
        }
    }
}

@Suite("Saved jobs over the API")
struct SavedJobRouteTests {
    @Test("save (idempotent), list, export and remove a posting; unknown postings are 404; a second user sees none")
    func savedJobs() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (first, _) = try await client.signUpAndIn(services, email: "first@example.com")
            let (second, _) = try await client.signUpAndIn(services, email: "second@example.com")
            #expect(try await client.send(.put, "/api/v1/saved-jobs/test%231", token: first).status == .noContent)
            #expect(try await client.send(.put, "/api/v1/saved-jobs/test%231", token: first).status == .noContent)
            #expect(try await client.send(.put, "/api/v1/saved-jobs/test%23nope", token: first).status == .notFound)
            let list = try await client.send(.get, "/api/v1/saved-jobs", token: first)
            let saved = try #require(list.json["saved_jobs"] as? [[String: Any]])
            #expect(saved.count == 1 && saved[0]["job_id"] as? String == "test#1" && saved[0]["title"] as? String == "Software Engineer")
            #expect((try await client.send(.get, "/api/v1/users/me/export", token: first).json["saved_jobs"] as? [Any])?.count == 1)
            #expect((try await client.send(.get, "/api/v1/saved-jobs", token: second).json["saved_jobs"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.delete, "/api/v1/saved-jobs/test%231", token: second).status == .notFound)
            #expect(try await client.send(.delete, "/api/v1/saved-jobs/test%231", token: first).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/saved-jobs").status == .unauthorized)
        }
    }
}

import Accounts
import Domain
import Foundation
import HTTPAPI
import HTTPTypes
import HummingbirdTesting
import JobPostings
import Platform
import Testing
import WayfinderApp

@Suite("Saved searches and their alerts")
struct SavedSearchAndAlertTests {
    @Test("a saved search keeps its query in canonical form; the query is checked by the search parser")
    func createAndValidate() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let created = try await client.send(.post, "/api/v1/searches", json: [
                "name": "Remote Swift", "query": "remote=true&q=swift", "alert_enabled": true, "alert_frequency": "instant",
            ], token: access)
            #expect(created.status == .created)
            #expect(created.json["query"] as? String == "q=swift&remote=true")
            #expect(created.headers[.location] == "/api/v1/searches/\(created.json["id"] as? String ?? "")")
            let asObject = try await client.send(.post, "/api/v1/searches", json: ["name": "Berlin data", "query": ["q": "data", "location": "Berlin"]], token: access)
            #expect(asObject.status == .created)
            #expect(asObject.json["alert_frequency"] as? String == "daily")

            let bad = try await client.send(.post, "/api/v1/searches", json: [
                "name": "", "query": "remote=maybe&colour=red", "alert_frequency": "hourly",
            ], token: access)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.problemFields) == ["name", "query.remote", "query.colour", "alert_frequency"])

            #expect(try await client.send(.post, "/api/v1/searches", json: ["name": "remote swift", "query": "q=rust"], token: access).status == .conflict)
            #expect(try await client.send(.post, "/api/v1/searches", json: ["name": "Other", "query": "q=Swift&remote=1&sort=date"], token: access).status == .conflict)
            let events = try await services.backgroundWork.outbox.recent(limit: 20).filter { $0.event.topic == "search.saved" }
            #expect(events.count == 2)
        }
    }

    @Test("PUT replaces a search, still refusing a clash with another of the user's searches")
    func replace() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            let first = try #require(try await client.send(.post, "/api/v1/searches", json: ["name": "A", "query": "q=a"], token: access).json["id"] as? String)
            _ = try await client.send(.post, "/api/v1/searches", json: ["name": "B", "query": "q=b"], token: access)
            let updated = try await client.send(.put, "/api/v1/searches/\(first)", json: ["name": "A2", "query": "q=a2", "alert_enabled": false], token: access)
            #expect(updated.status == .ok && updated.json["alert_enabled"] as? Bool == false && updated.json["query"] as? String == "q=a2")
            #expect(try await client.send(.put, "/api/v1/searches/\(first)", json: ["name": "B", "query": "q=a3"], token: access).status == .conflict)
            #expect(try await client.send(.delete, "/api/v1/searches/\(first)", token: access).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/searches/\(first)", token: access).status == .notFound)
        }
    }

    @Test("the alert task mails exactly one digest with exactly the new matches, and nothing on a second run")
    func oneDigestOfNewMatches() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            _ = try await client.send(.post, "/api/v1/searches", json: ["name": "Engineers in Berlin", "query": "q=engineer&location=Berlin", "alert_frequency": "instant"], token: access)
            _ = try await client.send(.post, "/api/v1/searches", json: ["name": "Nurses", "query": "q=nurse", "alert_frequency": "instant"], token: access)
            _ = try await client.send(.post, "/api/v1/searches", json: ["name": "Quiet", "query": "q=engineer", "alert_enabled": false], token: access)
            _ = try await services.deliverMail()
            // Postings that existed before the searches were saved are not news.
            #expect(try await services.accounts.alerts.run() == 0)

            _ = try await services.repository.upsert([
                TestApp.posting("new-1", title: "Platform Engineer", location: "Berlin, Germany"),
                TestApp.posting("new-2", title: "Swift Engineer", location: "Berlin, Germany"),
                TestApp.posting("new-3", title: "Engineer", location: "Madrid, Spain"),
                TestApp.posting("new-4", title: "Chef", location: "Berlin, Germany"),
                TestApp.posting("1", title: "Software Engineer (updated)", description: "Write Swift on the server.", salary: 60_000),
            ])
            #expect(try await services.accounts.alerts.run() == 1)
            #expect(try await services.accounts.alerts.run() == 0)
            let mails = try await services.deliverMail()
            #expect(mails.count == 1)
            let digest = try #require(mails.first)
            #expect(digest.to.first?.address == "jo@example.com")
            #expect(digest.subject == "2 new jobs for your saved searches")
            #expect(digest.text.contains("https://wayfinder.test/api/v1/jobs/test%23new-1"))
            #expect(digest.text.contains("https://wayfinder.test/api/v1/jobs/test%23new-2"))
            #expect(!digest.text.contains("jobs/test%23new-3") && !digest.text.contains("jobs/test%23new-4"))
            #expect(!digest.text.contains("jobs/test%231\n"))
            #expect(!digest.text.contains("Nurses") && !digest.text.contains("Quiet"))
            #expect(digest.headers.contains { $0.name == "List-Unsubscribe" })

            // The unsubscribe link works without signing in, and turns that search's alerts off.
            let link = try #require(digest.value(after: "searches/unsubscribe?token="))
            #expect(try await client.send(.get, "/api/v1/searches/unsubscribe?token=\(link)").status == .ok)
            #expect(try await client.send(.get, "/api/v1/searches/unsubscribe?token=\(link)x").status == .badRequest)
            let searches = try #require(try await client.send(.get, "/api/v1/searches", token: access).json["searches"] as? [[String: Any]])
            #expect(searches.first { $0["name"] as? String == "Engineers in Berlin" }?["alert_enabled"] as? Bool == false)
        }
    }

    @Test("a daily search alerts at most once a day, with what arrived since its last digest")
    func dailyDigest() async throws {
        let clock = AdjustableWallClock(TestApp.now)
        try await TestApp.withServicesAndClient(clock: clock) { services, client in
            let (access, _) = try await client.signUpAndIn(services, email: "jo@example.com")
            _ = try await client.send(.post, "/api/v1/searches", json: ["name": "Nurses", "query": "q=nurse", "alert_frequency": "daily"], token: access)
            _ = try await services.deliverMail()
            _ = try await services.repository.upsert([TestApp.posting("n1", title: "Night Nurse")])
            #expect(try await services.accounts.alerts.run() == 1)
            _ = try await services.repository.upsert([TestApp.posting("n2", title: "Day Nurse")])
            clock.advance(by: 3_600)
            #expect(try await services.accounts.alerts.run() == 0)
            clock.advance(by: 86_400)
            #expect(try await services.accounts.alerts.run() == 1)
            let mails = try await services.deliverMail()
            #expect(mails.count == 2)
            #expect(mails[0].text.contains("jobs/test%23n1") && !mails[0].text.contains("jobs/test%23n2"))
            #expect(mails[1].text.contains("jobs/test%23n2") && !mails[1].text.contains("jobs/test%23n1"))
        }
    }
}

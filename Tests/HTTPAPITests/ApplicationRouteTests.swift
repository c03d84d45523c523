import Foundation
import HTTPTypes
import Testing

@Suite("Application tracker routes")
struct ApplicationRouteTests {
    @Test("applications from a posting or elsewhere keep a timeline of status changes; another user gets 404")
    func tracker() async throws {
        try await TestApp.withServicesAndClient { services, client in
            let (token, _) = try await client.signUpAndIn(services, email: "tracker@example.com")
            let (other, _) = try await client.signUpAndIn(services, email: "other@example.com")
            let fromPosting = try await client.send(.post, "/api/v1/applications", json: ["job_id": "test#1", "status": "applied"], token: token)
            #expect(fromPosting.status == .created)
            #expect(fromPosting.json["company"] as? String == "Acme" && fromPosting.json["title"] as? String == "Software Engineer")
            let id = try #require(fromPosting.json["id"] as? String)

            let outside = try await client.send(.post, "/api/v1/applications", json: [
                "company": "Globex", "title": "Platform Engineer", "url": "https://globex.example/jobs/9",
                "contacts": [["name": "Sam Recruiter", "email": "sam@globex.example"]], "next_action": "Follow up",
                "next_action_date": "2026-12-08",
            ], token: token)
            #expect(outside.status == .created && outside.json["status"] as? String == "saved")
            #expect((outside.json["contacts"] as? [[String: Any]])?.first?["name"] as? String == "Sam Recruiter")

            let moved = try await client.send(.patch, "/api/v1/applications/\(id)", json: ["status": "interview", "notes": "Call went well"], token: token)
            #expect(moved.status == .ok)
            let timeline = try #require(moved.json["timeline"] as? [[String: Any]])
            #expect(timeline.compactMap { $0["to"] as? String } == ["applied", "interview"])
            #expect(timeline.last?["from"] as? String == "applied" && timeline.last?["source"] as? String == "user")

            let interviews = try await client.send(.get, "/api/v1/applications?status=interview", token: token)
            #expect((interviews.json["applications"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            let stats = try await client.send(.get, "/api/v1/applications/stats", token: token)
            #expect(stats.json["total"] as? Int == 2)
            #expect(stats.json["response_rate"] as? Double == 1.0)
            #expect((stats.json["by_status"] as? [String: Any])?["saved"] as? Int == 1)

            let bad = try await client.send(.post, "/api/v1/applications", json: ["status": "hired", "contacts": "Sam"], token: token)
            #expect(bad.status == .badRequest && Set(bad.problemFields) == ["status", "contacts"])
            #expect(try await client.send(.post, "/api/v1/applications", json: ["notes": "no role"], token: token).status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/applications", json: ["job_id": "test#nope"], token: token).status == .notFound)

            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/applications/\(id)"), (.delete, "/api/v1/applications/\(id)")] {
                #expect(try await client.send(method, path, token: other).status == .notFound)
            }
            #expect(try await client.send(.patch, "/api/v1/applications/\(id)", json: ["status": "offer"], token: other).status == .notFound)
            #expect((try await client.send(.get, "/api/v1/applications", token: other).json["applications"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.delete, "/api/v1/applications/\(id)", token: token).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/applications/\(id)", token: token).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/applications").status == .unauthorized)
        }
    }
}

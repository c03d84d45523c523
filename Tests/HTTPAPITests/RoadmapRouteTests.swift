import Foundation
import HTTPTypes
import Testing

@Suite("Roadmap routes")
struct RoadmapRouteTests {
    @Test("a roadmap lists the market's skills for a role, what the user has, milestones, and keeps progress; another user gets 404")
    func roadmap() async throws {
        try await TestApp.withServicesAndClient(postings: CareerAgentRouteTests.postings) { services, client in
            let (token, _) = try await client.signUpAndIn(services, email: "planner@example.com")
            let (other, _) = try await client.signUpAndIn(services, email: "other@example.com")
            _ = try await client.send(.patch, "/api/v1/users/me", json: ["skills": ["Go", "PostgreSQL"]], token: token)
            let created = try await client.send(.post, "/api/v1/roadmaps", json: ["target_role": "backend engineer"], token: token)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let skills = try #require(created.json["skills"] as? [[String: Any]])
            let status = Dictionary(uniqueKeysWithValues: skills.compactMap { skill in
                (skill["name"] as? String).map { ($0, skill["status"] as? String ?? "") }
            })
            #expect(status["Go"] == "has" && status["PostgreSQL"] == "has" && status["Kubernetes"] == "missing")
            #expect((created.json["milestones"] as? [Any])?.isEmpty == false)
            let before = try #require(created.json["progress"] as? Int)

            let marked = try await client.send(.patch, "/api/v1/roadmaps/\(id)", json: ["learned": ["k8s"]], token: token)
            #expect(marked.status == .ok)
            #expect((marked.json["learned"] as? [String]) == ["Kubernetes"])
            #expect(try #require(marked.json["progress"] as? Int) > before)
            let unknown = try await client.send(.patch, "/api/v1/roadmaps/\(id)", json: ["learned": ["Underwater basket weaving 9000"]], token: token)
            #expect(unknown.status == .badRequest)
            #expect((try await client.send(.get, "/api/v1/roadmaps/\(id)", token: token).json["learned"] as? [String]) == ["Kubernetes"])

            #expect(try await client.send(.get, "/api/v1/roadmaps/\(id)", token: other).status == .notFound)
            #expect(try await client.send(.patch, "/api/v1/roadmaps/\(id)", json: ["learned": ["Go"]], token: other).status == .notFound)
            #expect((try await client.send(.get, "/api/v1/roadmaps", token: other).json["roadmaps"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.post, "/api/v1/roadmaps", json: ["target_role": ""], token: token).status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/roadmaps", json: ["target_role": "x"]).status == .unauthorized)
        }
    }
}

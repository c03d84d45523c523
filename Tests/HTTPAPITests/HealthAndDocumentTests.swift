import Foundation
import HTTPAPI
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Health, readiness and the OpenAPI document")
struct HealthAndDocumentTests {
    @Test("health and ready answer 200 on a migrated database")
    func health() async throws {
        try await TestApp.withClient { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["status"] as? String == "ready")
            }
        }
    }

    @Test("the OpenAPI document describes exactly the router's routes")
    func documentMatchesRouter() async throws {
        let document = try #require(OpenAPIDocument.data)
        let object = try #require(try JSONSerialization.jsonObject(with: document) as? [String: Any])
        #expect(object["openapi"] as? String == "3.1.0")
        let paths = try #require(object["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let routes = try await TestApp.withServices { services in
            Set(buildRouter(services.apiDependencies).routes.map { route in
                "\(route.method) " + ("/" + route.path.description).replacingOccurrences(of: "//", with: "/")
            })
        }
        #expect(routes == documented)
        try await TestApp.withClient { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == document)
            }
        }
    }
}

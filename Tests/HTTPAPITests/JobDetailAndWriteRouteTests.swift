import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("GET and POST /api/v1/jobs/{id}")
struct JobDetailAndWriteRouteTests {
    static let valid = """
        {"job_id":"greenhouse#987","title":"Platform Engineer","description":"<p>Run <b>Kubernetes</b>.<script>x()</script></p>",
         "company":"Initech","location":"Austin, TX, USA","remote":true,"min_salary":120000,"max_salary":150000,
         "currency":"USD","posted_date":"2026-11-20","apply_url":"https://initech.example/jobs/987","employment_type":"full_time"}
        """

    func post(_ client: any TestClientProtocol, _ body: String, token: String? = TestApp.adminAccessToken, type: String = "application/json",
              _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.authorization] = "Bearer \(token)" }
        try await client.execute(uri: "/api/v1/jobs", method: .post, headers: headers, body: ByteBuffer(string: body), testCallback: check)
    }

    @Test("detail returns every normalized field; unknown ids are 404 problems")
    func detail() async throws {
        try await TestApp.withClient { client in
            try await client.execute(uri: "/api/v1/jobs/test%231", method: .get) { response in
                #expect(response.status == .ok)
                let body = response.json
                #expect(body["job_id"] as? String == "test#1")
                #expect(body["min_salary"] as? Int == 60_000)
                #expect(body["currency"] as? String == "EUR")
                #expect(body["posted_date"] as? String == "2026-11-17T11:06:40Z")
                #expect(body["status"] as? String == "open")
                #expect(body.keys.contains("description_html"))
            }
            try await client.execute(uri: "/api/v1/jobs/test%23nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.isProblem)
            }
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.isProblem)
            }
        }
    }

    @Test("a signed-in user outside the admin group cannot write postings")
    func writesNeedAdmin() async throws {
        try await TestApp.withClient { client in
            try await post(client, Self.valid, token: TestApp.candidateAccessToken) { response in
                #expect(response.status == .forbidden)
                #expect(response.isProblem)
            }
        }
    }

    @Test("a missing or wrong token is a 401 with a challenge")
    func unauthorized() async throws {
        try await TestApp.withClient { client in
            for token in [nil, "wrong", "secretx", ""] as [String?] {
                try await post(client, Self.valid, token: token) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                }
            }
        }
    }

    @Test("bad bodies: not JSON 400, not an object 400, wrong type 415, too large 413, invalid fields 422")
    func badBodies() async throws {
        try await TestApp.withClient { client in
            try await post(client, "{nope") { #expect($0.status == .badRequest) }
            try await post(client, "[1,2]") { #expect($0.status == .badRequest) }
            try await post(client, Self.valid, type: "text/plain") { #expect($0.status == .unsupportedMediaType) }
            let huge = "{\"description\":\"" + String(repeating: "x", count: 1_100_000) + "\"}"
            try await post(client, huge) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.isProblem)
            }
            try await post(client, "{\"job_id\":\"x#1\",\"title\":\"\",\"min_salary\":\"lots\",\"apply_url\":\"javascript:x\"}") { response in
                #expect(response.status == .unprocessableContent)
                #expect(Set(response.problemFields).isSuperset(of: ["title", "min_salary", "apply_url", "company", "posted_date", "description"]))
            }
            // Nothing half-valid was stored.
            try await client.execute(uri: "/api/v1/jobs/x%231", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("a valid posting is created (201), searchable at once, then updated (200)")
    func createAndUpdate() async throws {
        try await TestApp.withClient { client in
            try await post(client, Self.valid) { response in
                #expect(response.status == .created)
                #expect(response.headers[.location] == "/api/v1/jobs/greenhouse%23987")
                #expect(response.json["description"] as? String == "Run Kubernetes.")
                #expect(response.json["description_html"] as? String == "<p>Run <b>Kubernetes</b>.</p>")
                #expect(response.json["provider_id"] as? String == "greenhouse")
            }
            let found = try await client.execute(uri: "/api/v1/jobs?q=kubernetes", method: .get) { $0.json }
            #expect(found["total"] as? Int == 1)
            let updated = Self.valid.replacingOccurrences(of: "Platform Engineer", with: "Platform Lead")
            try await post(client, updated) { response in
                #expect(response.status == .ok)
                #expect(response.json["title"] as? String == "Platform Lead")
            }
            let old = try await client.execute(uri: "/api/v1/jobs?q=%22platform+engineer%22", method: .get) { $0.json }
            #expect(old["total"] as? Int == 0)
            let closed = updated.replacingOccurrences(of: "\"employment_type\"", with: "\"status\":\"closed\",\"employment_type\"")
            try await post(client, closed) { #expect($0.status == .ok) }
            let gone = try await client.execute(uri: "/api/v1/jobs?q=kubernetes", method: .get) { $0.json }
            #expect(gone["total"] as? Int == 0)
        }
    }
}

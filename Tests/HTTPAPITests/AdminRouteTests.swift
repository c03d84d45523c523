import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Admin routes for sources and tasks")
struct AdminRouteTests {
    static func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, body: String? = nil,
                     token: String? = TestApp.adminAccessToken, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }, testCallback: check)
    }

    @Test("every admin route needs an administrator: 401 without a token or with a wrong one, 403 for a candidate")
    func guarded() async throws {
        let routes: [(HTTPRequest.Method, String)] = [
            (.get, "/api/v1/admin/sources"), (.post, "/api/v1/admin/sources"), (.delete, "/api/v1/admin/sources/1"),
            (.post, "/api/v1/admin/sources/1/sync"), (.get, "/api/v1/admin/sources/1"), (.get, "/api/v1/admin/tasks"),
            (.get, "/api/v1/admin/tasks/dead"), (.post, "/api/v1/admin/tasks/dead/1/replay"), (.post, "/api/v1/admin/tasks/dead/replay"),
        ]
        try await TestApp.withClient { client in
            for (method, uri) in routes {
                for token in [nil, "wrong"] {
                    try await Self.call(client, method, uri, body: "{}", token: token) { response in
                        #expect(response.status == .unauthorized, "\(method) \(uri)")
                        #expect(response.isProblem)
                    }
                }
            }
        }
        try await TestApp.withClient { client in
            for (method, uri) in routes {
                try await Self.call(client, method, uri, body: "{}", token: TestApp.candidateAccessToken) { response in
                    #expect(response.status == .forbidden, "\(method) \(uri)")
                }
            }
        }
    }

    @Test("add a source (201), list it, queue a sync (202), remove it (204); unknown ids are 404")
    func lifecycle() async throws {
        try await TestApp.withClient { client in
            let body = #"{"kind":"greenhouse","board":"acme","base_url":"http://127.0.0.1:9","schedule":"cron(0 */6 * * ? *)","name":"Acme"}"#
            try await Self.call(client, .post, "/api/v1/admin/sources", body: body) { response in
                #expect(response.status == .created)
                #expect(response.headers[.location] == "/api/v1/admin/sources/1")
                let json = response.json
                #expect(json["id"] as? Int == 1 && json["kind"] as? String == "greenhouse" && json["board"] as? String == "acme")
                #expect(json["schedule"] as? String == "cron(0 */6 * * ? *)" && json["name"] as? String == "Acme")
                #expect(json["next_run_at"] as? String != nil)
            }
            try await Self.call(client, .get, "/api/v1/admin/sources") { response in
                let sources = response.json["sources"] as? [[String: Any]]
                #expect(sources?.count == 1)
                #expect(sources?.first?.keys.contains("last_run") == true)
            }
            try await Self.call(client, .post, "/api/v1/admin/sources/1/sync") { response in
                #expect(response.status == .accepted)
                #expect(response.json["task_id"] as? Int != nil)
            }
            try await Self.call(client, .get, "/api/v1/admin/tasks") { response in
                #expect((response.json["tasks"] as? [[String: Any]])?.first?["name"] as? String == "sync_job_source")
                #expect((response.json["counts"] as? [String: Int])?["queued"] == 1)
            }
            try await Self.call(client, .delete, "/api/v1/admin/sources/1") { response in #expect(response.status == .noContent) }
            for (method, uri) in [(HTTPRequest.Method.delete, "/api/v1/admin/sources/1"), (.post, "/api/v1/admin/sources/1/sync"),
                                  (.get, "/api/v1/admin/sources/1"), (.post, "/api/v1/admin/tasks/dead/5/replay")] {
                try await Self.call(client, method, uri) { response in
                    #expect(response.status == .notFound, "\(method) \(uri)")
                    #expect(response.isProblem)
                }
            }
            try await Self.call(client, .delete, "/api/v1/admin/sources/abc") { response in #expect(response.status == .badRequest) }
        }
    }

    @Test("a bad source names every bad field: 400 for wrong types and unknown fields, 422 for wrong values, nothing stored")
    func badSources() async throws {
        try await TestApp.withClient { client in
            try await Self.call(client, .post, "/api/v1/admin/sources", body: #"{"kind":7,"count":"x","colour":"red"}"#) { response in
                #expect(response.status == .badRequest)
                #expect(Set(response.problemFields) == ["kind", "count", "colour"])
            }
            try await Self.call(client, .post, "/api/v1/admin/sources", body: #"{"kind":"lever","schedule":"every day","base_url":"ftp://x"}"#) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Set(response.problemFields) == ["site", "schedule", "base_url"])
            }
            try await Self.call(client, .post, "/api/v1/admin/sources", body: #"{"kind":"monster"}"#) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.problemFields == ["kind"])
            }
            try await Self.call(client, .post, "/api/v1/admin/sources", body: "not json") { response in #expect(response.status == .badRequest) }
            try await Self.call(client, .get, "/api/v1/admin/sources") { response in
                #expect((response.json["sources"] as? [Any])?.isEmpty == true)
            }
            try await Self.call(client, .get, "/api/v1/admin/tasks?limit=0") { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["limit"])
            }
        }
    }
}

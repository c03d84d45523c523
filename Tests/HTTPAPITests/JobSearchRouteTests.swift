import Foundation
import HummingbirdTesting
import Testing

@Suite("GET /api/v1/jobs")
struct JobSearchRouteTests {
    @Test("results carry summaries, highlights, total, facets and a cursor")
    func shape() async throws {
        try await TestApp.withClient { client in
            try await client.execute(uri: "/api/v1/jobs?q=engineer&limit=2", method: .get) { response in
                #expect(response.status == .ok)
                let body = response.json
                let jobs = try #require(body["jobs"] as? [[String: Any]])
                #expect(jobs.count == 2)
                #expect(body["total"] as? Int == 32)
                #expect(jobs[0]["job_id"] as? String == "test#2" || jobs[0]["job_id"] as? String == "test#1")
                let highlights = try #require(jobs[0]["highlights"] as? [String: String])
                #expect(highlights["title"]?.contains("<mark>Engineer</mark>") == true)
                #expect(jobs[0]["description"] == nil)
                let facets = try #require(body["facets"] as? [String: Any])
                #expect(Set(facets.keys) == ["location", "company", "remote", "employment_type", "salary_ranges", "skills"])
                #expect(body["next_cursor"] is String)
            }
        }
    }

    @Test("the last page has a null next_cursor and walking pages covers every match once")
    func walk() async throws {
        try await TestApp.withClient { client in
            var seen: [String] = []
            var uri = "/api/v1/jobs?q=engineer&limit=7"
            while true {
                let body = try await client.execute(uri: uri, method: .get) { $0.json }
                seen += ((body["jobs"] as? [[String: Any]]) ?? []).compactMap { $0["job_id"] as? String }
                guard let cursor = body["next_cursor"] as? String else {
                    #expect(body["next_cursor"] is NSNull)
                    break
                }
                uri = "/api/v1/jobs?q=engineer&limit=7&cursor=\(cursor)"
            }
            #expect(seen.count == 32)
            #expect(Set(seen).count == 32)
            #expect(!seen.contains("test#4"))
        }
    }

    @Test("filters and form encoding: + is a space, %2B a plus")
    func filters() async throws {
        try await TestApp.withClient { client in
            let remote = try await client.execute(uri: "/api/v1/jobs?remote=true", method: .get) { $0.json }
            #expect(remote["total"] as? Int == 1)
            let located = try await client.execute(uri: "/api/v1/jobs?location=Paris%2C+France", method: .get) { $0.json }
            #expect(located["total"] as? Int == 1)
            let phrase = try await client.execute(uri: "/api/v1/jobs?q=%22data+engineer%22", method: .get) { $0.json }
            #expect(phrase["total"] as? Int == 1)
            let salary = try await client.execute(uri: "/api/v1/jobs?min_salary=85000", method: .get) { $0.json }
            #expect(salary["total"] as? Int == 1)
        }
    }

    @Test("every invalid parameter is named in one 400 problem")
    func badParameters() async throws {
        try await TestApp.withClient { client in
            let uri = "/api/v1/jobs?remote=maybe&min_salary=-1&max_salary=abc&posted_after=soon&sort=best&limit=1000&employment_type=forever&currency=EURO&bogus=1"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.isProblem)
                #expect(Set(response.problemFields) == [
                    "remote", "min_salary", "max_salary", "posted_after", "sort", "limit", "employment_type", "currency", "bogus",
                ])
                #expect(response.json["status"] as? Int == 400)
                #expect(response.json["type"] as? String == "urn:wayfinder:problem:bad-request")
            }
            try await client.execute(uri: "/api/v1/jobs?min_salary=90000&max_salary=10", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["max_salary"])
            }
            try await client.execute(uri: "/api/v1/jobs?q=%ZZ", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.isProblem)
            }
            try await client.execute(uri: "/api/v1/jobs?limit=0", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    @Test("a tampered or foreign cursor is a 400, never a 500")
    func badCursor() async throws {
        try await TestApp.withClient { client in
            let first = try await client.execute(uri: "/api/v1/jobs?q=engineer&limit=3", method: .get) { $0.json }
            let cursor = try #require(first["next_cursor"] as? String)
            for uri in [
                "/api/v1/jobs?q=engineer&limit=3&cursor=garbage",
                "/api/v1/jobs?q=engineer&limit=3&cursor=\(cursor.dropLast(2))AA",
                "/api/v1/jobs?q=nurse&limit=3&cursor=\(cursor)",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(response.problemFields == ["cursor"])
                }
            }
        }
    }
}

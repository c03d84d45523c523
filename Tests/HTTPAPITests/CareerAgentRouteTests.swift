import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JobPostings
import NIOCore
import Testing

extension TestClientProtocol {
    /// Uploads `data` as the `file` part of a multipart form.
    func upload(_ uri: String, fileName: String, contentType: String, data: Data, token: String?) async throws -> TestResponse {
        let boundary = "wayfinder-test-boundary"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(contentType)\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }
}

@Suite("Career agent routes")
struct CareerAgentRouteTests {
    static let resume = """
    Jordan Rivera
    jordan@example.com | +1 512 555 0142 | Austin, TX

    Summary
    Backend engineer building payment services in Go and Python.

    Experience
    Senior Backend Engineer, Ledgerline — Mar 2021 – Present
    - Led the move of 40 services to Kubernetes, cutting deploy time by 70%
    - Built PostgreSQL schemas for settlements
    Backend Engineer, Finch — Jun 2017 – Feb 2021
    - Responsible for on-call

    Education
    B.S. Computer Science, University of Texas, 2017

    Skills
    Go, Python, PostgreSQL, Kubernetes, Docker
    """

    static let postings: [JobPosting] = [
        TestApp.posting("go", title: "Senior Backend Engineer", description: """
            What you'll do
            - Build services in Go on Kubernetes with PostgreSQL.
            Requirements
            - 5+ years with Go and PostgreSQL
            - Kubernetes and Docker
            Nice to have: Apache Kafka
            """, location: "Austin, TX", salary: 150_000),
        TestApp.posting("nurse", title: "Registered Nurse", description: """
            Requirements
            - BLS and ACLS certification
            - Patient care on a busy ward; Epic EHR experience
            """, location: "London, United Kingdom", salary: 40_000),
        TestApp.posting("data", title: "Data Engineer", description: "Pipelines in Python and Apache Kafka, SQL and dbt.", remote: true, salary: 90_000),
    ]

    @Test("skills are read out of a text with their offsets, for signed-in users and API keys")
    func extract() async throws {
        try await TestApp.withServicesAndClient(postings: Self.postings) { services, client in
            let text = "We use Go and Kubernetes (k8s). Excellent communication; Kafka is a plus."
            #expect(try await client.send(.post, "/api/v1/skills/extract", json: ["text": text]).status == .unauthorized)
            let token = try #require(TestApp.candidateAccessToken)
            let response = try await client.send(.post, "/api/v1/skills/extract", json: ["text": text], token: token)
            #expect(response.status == .ok)
            let skills = try #require(response.json["skills"] as? [[String: Any]])
            #expect(skills.compactMap { $0["name"] as? String } == ["Go", "Kubernetes", "Communication", "Apache Kafka"])
            let kubernetes = try #require(skills.first { $0["name"] as? String == "Kubernetes" })
            let mentions = try #require(kubernetes["mentions"] as? [[String: Any]])
            #expect(mentions.compactMap { $0["text"] as? String } == ["Kubernetes", "k8s"])
            #expect(mentions.first?["start"] as? Int == 14)
            #expect(skills.last?["requirement"] as? String == "nice_to_have")
            let bad = try await client.send(.post, "/api/v1/skills/extract", json: ["text": 5, "kind": "poem"], token: token)
            #expect(bad.status == .badRequest && Set(bad.problemFields) == ["text", "kind"])
            let lookup = try await client.send(.get, "/api/v1/skills?q=k8s")
            #expect((lookup.json["skills"] as? [[String: Any]])?.first?["name"] as? String == "Kubernetes")
            #expect(try await client.send(.get, "/api/v1/skills").status == .badRequest)
        }
    }

    @Test("search filters and counts postings by skill, by any written form")
    func skillFilter() async throws {
        try await TestApp.withClient(postings: Self.postings) { client in
            let filtered = try await client.send(.get, "/api/v1/jobs?skill=k8s")
            #expect((filtered.json["jobs"] as? [[String: Any]])?.compactMap { $0["job_id"] as? String } == ["test#go"])
            let facets = try #require((try await client.send(.get, "/api/v1/jobs").json["facets"] as? [String: Any])?["skills"] as? [[String: Any]])
            #expect(facets.contains { $0["value"] as? String == "PostgreSQL" && $0["count"] as? Int == 1 })
        }
    }

    @Test("a resume is uploaded, read, listed, analysed, downloaded and deleted; another user sees none of it")
    func resumeLifecycle() async throws {
        try await TestApp.withServicesAndClient(postings: Self.postings) { services, client in
            let (first, _) = try await client.signUpAndIn(services, email: "first@example.com")
            let (second, _) = try await client.signUpAndIn(services, email: "second@example.com")
            let data = Data(Self.resume.utf8)
            let created = try await client.upload("/api/v1/resumes", fileName: "jordan.txt", contentType: "text/plain", data: data, token: first)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["is_primary"] as? Bool == true)
            #expect((created.json["contact"] as? [String: Any])?["email"] as? String == "jordan@example.com")
            #expect((created.json["experience"] as? [Any])?.count == 2)
            #expect((created.json["skills"] as? [[String: Any]])?.contains { $0["name"] as? String == "Kubernetes" } == true)

            let analysis = try await client.send(.post, "/api/v1/resumes/\(id)/analysis", json: ["job_id": "test#go"], token: first)
            #expect(analysis.status == .ok)
            let score = try #require(analysis.json["ats_score"] as? Int)
            #expect((0...100).contains(score))
            let again = try await client.send(.post, "/api/v1/resumes/\(id)/analysis", json: ["job_id": "test#go"], token: first)
            #expect(again.body == analysis.body)
            let empty = try await client.send(.post, "/api/v1/resumes/\(id)/analysis", token: first)
            #expect(empty.status == .ok)
            let both = try await client.send(.post, "/api/v1/resumes/\(id)/analysis", json: ["job_id": "test#go", "target_role": "x"], token: first)
            #expect(both.status == .badRequest)

            let file = try await client.send(.get, "/api/v1/resumes/\(id)/file", token: first)
            #expect(file.status == .ok && Data(buffer: file.body) == data)

            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/resumes/\(id)"), (.get, "/api/v1/resumes/\(id)/file"),
                                   (.delete, "/api/v1/resumes/\(id)"), (.post, "/api/v1/resumes/\(id)/analysis")] {
                #expect(try await client.send(method, path, token: second).status == .notFound, "\(method) \(path)")
            }
            #expect(try await client.send(.patch, "/api/v1/resumes/\(id)", json: ["is_primary": true], token: second).status == .notFound)
            #expect((try await client.send(.get, "/api/v1/resumes", token: second).json["resumes"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.delete, "/api/v1/resumes/\(id)", token: first).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/resumes/\(id)", token: first).status == .notFound)
        }
    }

    @Test("unreadable uploads get a problem naming the reason and leave nothing behind")
    func badUploads() async throws {
        try await TestApp.withServicesAndClient(postings: Self.postings) { services, client in
            let (token, _) = try await client.signUpAndIn(services, email: "uploader@example.com")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))
            let mismatched = try await client.upload("/api/v1/resumes", fileName: "resume.pdf", contentType: "application/pdf", data: png, token: token)
            #expect(mismatched.status == .unprocessableContent && mismatched.isProblem)
            let empty = try await client.upload("/api/v1/resumes", fileName: "resume.txt", contentType: "text/plain", data: Data("  \n ".utf8), token: token)
            #expect(empty.status == .unprocessableContent)
            let big = Data(repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024 + 10)
            #expect(try await client.upload("/api/v1/resumes", fileName: "big.txt", contentType: "text/plain", data: big, token: token).status == .contentTooLarge)
            let notZip = try await client.upload("/api/v1/resumes", fileName: "cv.docx",
                                                 contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                                 data: Data("just text".utf8), token: token)
            #expect(notZip.status == .unprocessableContent)
            let noFile = try await client.send(.post, "/api/v1/resumes", json: ["file": "x"], token: token)
            #expect(noFile.status == .unsupportedMediaType)
            #expect((try await client.send(.get, "/api/v1/resumes", token: token).json["resumes"] as? [Any])?.isEmpty == true)
            let blobs = URL(fileURLWithPath: services.settings.dataDirectory).appendingPathComponent("blobs")
            let stored = (FileManager.default.enumerator(atPath: blobs.path)?.allObjects as? [String] ?? []).filter { !$0.hasSuffix("/") }
            #expect(stored.allSatisfy { !$0.contains("resumes/") || $0.hasSuffix("resumes") })
        }
    }

    @Test("job match scores a fitting posting above an unfitting one, the same every time, and orders search by it")
    func match() async throws {
        try await TestApp.withServicesAndClient(postings: Self.postings) { services, client in
            let (token, _) = try await client.signUpAndIn(services, email: "seeker@example.com")
            _ = try await client.send(.patch, "/api/v1/users/me", json: ["headline": "Backend Engineer", "location": "Austin, TX"], token: token)
            _ = try await client.upload("/api/v1/resumes", fileName: "cv.md", contentType: "text/markdown", data: Data(Self.resume.utf8), token: token)
            let fitting = try await client.send(.get, "/api/v1/jobs/test%23go/match", token: token)
            let unfitting = try await client.send(.get, "/api/v1/jobs/test%23nurse/match", token: token)
            #expect(fitting.status == .ok && unfitting.status == .ok)
            let high = try #require(fitting.json["score"] as? Int), low = try #require(unfitting.json["score"] as? Int)
            #expect(high > low + 30, "\(high) vs \(low)")
            #expect((fitting.json["components"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                == ["skills", "title", "seniority", "location", "salary"])
            #expect((fitting.json["missing_skills"] as? [[String: Any]])?.contains { $0["name"] as? String == "Apache Kafka" } == true)
            #expect(try await client.send(.get, "/api/v1/jobs/test%23go/match", token: token).body == fitting.body)
            #expect(try await client.send(.get, "/api/v1/jobs/test%23go/match").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/jobs/test%23nope/match", token: token).status == .notFound)

            let ordered = try await client.send(.get, "/api/v1/jobs?sort=match", token: token)
            let hits = try #require(ordered.json["jobs"] as? [[String: Any]])
            #expect(hits.first?["job_id"] as? String == "test#go")
            #expect(hits.first?["match"] as? Int == high)
            #expect(hits.compactMap { $0["match"] as? Int } == hits.compactMap { $0["match"] as? Int }.sorted(by: >))
            #expect(try await client.send(.get, "/api/v1/jobs?sort=match").status == .unauthorized)
        }
    }

    @Test("a resume's British spelling of a skill matches a posting's American one, in the match and in the analysis")
    func matchAcrossSpellings() async throws {
        let posting = TestApp.posting("ops", title: "Operations Coordinator", description: """
            Requirements
            - Strong organizational skills and prioritization
            """, location: "Austin, TX", salary: 60_000)
        let resume = """
        Sam Patel
        sam@example.com | Austin, TX

        Experience
        Operations Coordinator, Brightway — Jan 2020 – Present
        - Ran the dispatch desk for 12 vans

        Skills
        Organisational skills, prioritisation
        """
        try await TestApp.withServicesAndClient(postings: [posting]) { services, client in
            let (token, _) = try await client.signUpAndIn(services, email: "sam@example.com")
            let created = try await client.upload("/api/v1/resumes", fileName: "cv.md", contentType: "text/markdown", data: Data(resume.utf8), token: token)
            let match = try await client.send(.get, "/api/v1/jobs/test%23ops/match", token: token)
            let matched = (match.json["matched_skills"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(matched == ["Organizational skills", "Prioritization"])
            #expect((match.json["missing_skills"] as? [Any])?.isEmpty == true)

            let id = try #require(created.json["id"] as? String)
            let analysis = try await client.send(.post, "/api/v1/resumes/\(id)/analysis", json: ["job_id": "test#ops"], token: token)
            let coverage = (analysis.json["components"] as? [[String: Any]])?.first { $0["name"] as? String == "keyword coverage" }
            #expect(coverage?["score"] as? Int == 100)
            let strengths = (analysis.json["strengths"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
            #expect(strengths.contains("Names Organizational skills, which the posting \"Operations Coordinator\" asks for."))
        }
    }

    @Test("market intelligence counts the matching postings, their pay and skills")
    func market() async throws {
        try await TestApp.withClient(postings: Self.postings) { client in
            let response = try await client.send(.get, "/api/v1/market-intelligence?role=engineer")
            #expect(response.status == .ok)
            #expect(response.json["open_postings"] as? Int == 2)
            let salary = try #require((response.json["salary"] as? [[String: Any]])?.first)
            #expect(salary["currency"] as? String == "EUR" && salary["count"] as? Int == 2)
            // Midpoints 160,000 and 100,000: the median is their mean.
            #expect(salary["p50"] as? Int == 130_000)
            #expect((response.json["weekly_new_postings"] as? [Any])?.count == 12)
            #expect(response.json["remote_share"] as? Double == 0.5)
            let missing = try await client.send(.get, "/api/v1/market-intelligence?remote=maybe")
            #expect(missing.status == .badRequest && Set(missing.problemFields) == ["role", "remote"])
        }
    }
}

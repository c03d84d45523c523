import Domain
import Foundation
import JobPostings
import Logging
import TestPeers
import Testing
import WayfinderApp

@Suite("wayfinder import jobs")
struct JobFileImportTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    func withServices(_ body: (AppServices, String) async throws -> Void) async throws {
        let directory = Scratch.root.appendingPathComponent("wayfinder-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let services = try await AppServices.open(settings: Settings(dataDirectory: directory), logger: logger, clock: FixedWallClock(Self.now))
        do { try await body(services, directory) } catch { await services.close(); throw error }
        await services.close()
    }

    func run(_ services: AppServices, _ path: String, provider: String = "jsonld") async throws -> (JobFileImport.Outcome, [String]) {
        let lines = Lines()
        var fileImport = JobFileImport(services: services, provider: provider)
        fileImport.output = { lines.append($0) }
        fileImport.showsProgress = false
        return (try await fileImport.run(path: path), lines.all)
    }

    static let jsonLines = """
        {"job_id":"seed#1","provider_id":"seed","title":"Backend Engineer","description":"Go and SQL.","company":"Acme","location":"Berlin","remote":false,"min_salary":70000,"max_salary":90000,"posted_date":"2026-11-10","apply_url":"https://acme.example/1","expires_at":"2026-12-31"}
        {"job_id":"seed#2","provider_id":"seed","title":"Nurse","description":"Night shifts.","company":"Clinic","location":"Leeds","remote":false,"min_salary":null,"max_salary":null,"posted_date":"2026-11-11","apply_url":"https://clinic.example/2","expires_at":"2026-12-31"}
        this line is not json
        {"job_id":"seed#3","title":"","company":"Acme","posted_date":"someday"}

        {"job_id":"seed#4","provider_id":"seed","title":"Old Engineer","description":"Expired.","company":"Acme","location":"Berlin","remote":true,"min_salary":null,"max_salary":null,"posted_date":"2026-09-01","apply_url":"https://acme.example/4","expires_at":"2026-10-01"}
        """

    @Test("good lines are stored, bad lines reported by number, and a re-import changes nothing")
    func jsonLines() async throws {
        try await withServices { services, directory in
            let path = directory + "/jobs.jsonl"
            try Self.jsonLines.write(toFile: path, atomically: true, encoding: .utf8)
            let (first, output) = try await run(services, path)
            #expect(first.report.stored == UpsertSummary(inserted: 3))
            #expect(first.report.failures.map(\.position) == [3, 4])
            #expect(first.report.failures[1].message.contains("title: is required"))
            #expect(output.contains { $0.hasPrefix("line 3: not valid JSON") })
            #expect(output.last?.contains("3 inserted, 0 updated, 0 unchanged, 2 failed") == true)
            let (second, _) = try await run(services, path)
            #expect(second.report.stored == UpsertSummary(unchanged: 3))
            #expect(try await services.repository.changes(after: 0, limit: 100).count == 3)
            // The expired posting is stored but not searchable.
            let results = try await services.jobs.search(JobSearchQuery(text: "engineer"))
            #expect(results.hits.map(\.posting.jobID) == ["seed#1"])
        }
    }

    @Test("a large file is parsed in parallel batches: postings, line numbers and the order of failures are kept")
    func parallelBatches() async throws {
        try await withServices { services, directory in
            let padding = String(repeating: "Plenty of detail about the role – café included. ", count: 60)
            var lines: [String] = []
            var expectedFailures: [(Int, String)] = []
            var valid: Set<Int> = []
            for number in 1...1_500 {
                switch number % 97 {
                case 0:
                    lines.append("not json {")
                    expectedFailures.append((number, "not valid JSON"))
                case 13:
                    lines.append("   ")
                case 50:
                    lines.append(#"{"job_id":"seed#\#(number)","company":"Acme","description":"x","posted_date":"2026-11-10"}"#)
                    expectedFailures.append((number, "title: is required"))
                default:
                    valid.insert(number)
                    lines.append(#"{"job_id":"seed#\#(number)","provider_id":"seed","title":"Job \#(number)","description":"\#(padding)\n\#(number)","description_html":"<p>\#(padding)</p><ul><li>\#(number) &amp; more</li></ul>","company":"Acme","location":"Berlin","remote":\#(number % 2 == 0),"min_salary":\#(number),"max_salary":\#(number + 10),"interval":"hour","posted_date":"2026-11-10T10:00:00Z","apply_url":"https://acme.example/\#(number)"}"#)
                }
            }
            // The last line has no line break.
            let text = lines.joined(separator: "\n")
            let path = directory + "/many.jsonl"
            try text.write(toFile: path, atomically: true, encoding: .utf8)

            let lineCollector = Lines()
            var fileImport = JobFileImport(services: services, provider: "jsonld")
            fileImport.output = { lineCollector.append($0) }
            fileImport.showsProgress = false
            // Smaller than most lines: batches grow to hold a whole line.
            fileImport.batchBytes = 5_000
            let outcome = try await fileImport.run(path: path)
            #expect(outcome.report.stored == UpsertSummary(inserted: valid.count))
            #expect(outcome.report.failures.map(\.position) == expectedFailures.map(\.0))
            for (failure, expected) in zip(outcome.report.failures, expectedFailures) {
                #expect(failure.message.contains(expected.1), "line \(failure.position): \(failure.message)")
            }
            #expect(outcome.report.read == 1_500 - lines.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count)

            // Stored exactly as one line read on its own would be.
            let parser = JobFeedParser(provider: "jsonld")
            for number in [1, 2, 99, 500, 1_499, 1_500] where valid.contains(number) {
                let records = parser.parseLine(Data(lines[number - 1].utf8), number: number)
                guard case .posting(var expected) = JobImporter.prepare(records, updatedAt: Self.now).first else {
                    Issue.record("line \(number) did not parse"); continue
                }
                let stored = try #require(try await services.repository.find(jobID: "seed#\(number)")).posting
                expected.updatedAt = stored.updatedAt
                #expect(stored == expected)
            }
            let (again, _) = try await run(services, path)
            #expect(again.report.stored == UpsertSummary(unchanged: valid.count))
        }
    }

    @Test("HTML pages with schema.org JobPosting import under the given provider")
    func html() async throws {
        try await withServices { services, directory in
            let path = directory + "/page.html"
            try """
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@type":"JobPosting","title":"Sous Chef","description":"<p>Cook.</p>",
                 "identifier":{"@type":"PropertyValue","value":"42"},"datePosted":"2026-11-15",
                 "hiringOrganization":{"name":"Bistro"},"jobLocation":{"address":{"addressLocality":"Lyon","addressCountry":"FR"}}}
                </script></head><body></body></html>
                """.write(toFile: path, atomically: true, encoding: .utf8)
            let (outcome, _) = try await run(services, path, provider: "bistro")
            #expect(outcome.report.stored.inserted == 1)
            let posting = try await services.jobs.posting(jobID: "bistro#42")
            #expect(posting.location == "Lyon, FR")
            #expect(try await services.jobs.search(JobSearchQuery(text: "chef")).total == 1)
        }
    }

    @Test("a missing file is an error, not a crash")
    func missingFile() async throws {
        try await withServices { services, directory in
            await #expect(throws: (any Error).self) { try await run(services, directory + "/absent.jsonl") }
        }
    }
}

import Domain
import Foundation
import JobPostings
import Logging
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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-import-\(UUID().uuidString)").path
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

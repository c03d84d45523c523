import CareerAgent
import Domain
import Foundation
import JobPostings
import Logging

/// `wayfinder bench career`: skill extraction throughput, resume analysis, search ordered by match and
/// market insights, on the postings an earlier `bench search --data-dir` left (or a fresh small corpus).
public struct CareerBenchmark: Sendable {
    public var dataDirectory: String?
    public var postings: Int
    public var rounds: Int

    public init(dataDirectory: String?, postings: Int, rounds: Int) {
        self.dataDirectory = dataDirectory
        self.postings = postings
        self.rounds = rounds
    }

    static let roles = ["software engineer", "nurse", "data analyst", "accountant", "warehouse", "teacher", "sales manager",
                        "electrician", "chef", "project manager", "marketing", "designer"]

    /// Items per second of five passes of `pass` over `items`, slowest first. A shared machine slows single passes by a
    /// third or more, so the best and the median say more than one.
    static func fivePasses(over items: Int, _ pass: () -> Void) -> [Double] {
        (0..<5).map { _ in
            let started = ContinuousClock.now
            pass()
            return Double(items) / (ContinuousClock.now - started).seconds
        }.sorted()
    }

    public func run(output: @Sendable (String) -> Void = { print($0) }) async throws {
        let corpus = try DemoCorpus.bundled()
        let sample = corpus.postings(count: 20_000, now: Date())
        let extractor = CareerAgentFeature.sharedExtractor
        var found = 0
        let rates = Self.fivePasses(over: sample.count) {
            found = 0
            for posting in sample { found += extractor.skills(of: posting).count }
        }
        output(String(format: "skill extraction, one core: %.0f postings/s, best of 5 passes (median %.0f; %d postings, %.1f skills each)",
                      rates[4], rates[2], sample.count, Double(found) / Double(sample.count)))
        // As an index build reads skills: chunks of a thousand postings on every core.
        let shared = Self.fivePasses(over: sample.count) {
            DispatchQueue.concurrentPerform(iterations: (sample.count + 999) / 1_000) { chunk in
                for posting in sample[(chunk * 1_000)..<min(sample.count, (chunk + 1) * 1_000)] { _ = extractor.skills(of: posting) }
            }
        }
        output(String(format: "skill extraction, %d cores: %.0f postings/s, best of 5 passes (median %.0f)",
                      ProcessInfo.processInfo.activeProcessorCount, shared[4], shared[2]))

        let directory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-career-\(UUID().uuidString)").path
        defer { if dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        let services = try await AppServices.open(settings: Settings(dataDirectory: directory), logger: logger)
        if try await services.repository.count() == 0 {
            let now = Date()
            for start in stride(from: 0, to: postings, by: 1_000) {
                _ = try await services.repository.upsert((start..<min(start + 1_000, postings)).map { corpus.posting(number: $0, now: now) })
            }
        }
        try await services.catchUpIndex()
        output("postings searchable: \(services.index.documentCount)")
        let actor = try await seeker(services)

        let resume = try await services.careerAgent.resumes.primary(actor: actor)!
        var analysis = LatencyRecorder()
        for round in 0..<(rounds * 20) {
            let role = Self.roles[round % Self.roles.count]
            let began = ContinuousClock.now
            _ = try await services.careerAgent.analysis.analyze(actor: actor, resumeID: resume.id, targetRole: round % 2 == 0 ? role : nil)
            analysis.record(ContinuousClock.now - began)
        }
        output(analysis.summary("resume analysis (two pages, half against a role's market)"))

        var match = LatencyRecorder()
        for round in 0..<(rounds * 20) {
            let text = round % 3 == 0 ? "" : Self.roles[round % Self.roles.count]
            let began = ContinuousClock.now
            _ = try await services.careerAgent.matches.search(actor: actor, query: JobSearchQuery(text: text))
            match.record(ContinuousClock.now - began)
        }
        output(match.summary("search sort=match, in-process (a third with no text: every posting scored)"))

        var market = LatencyRecorder()
        for round in 0..<(rounds * 20) {
            let began = ContinuousClock.now
            _ = try services.careerAgent.market.insights(role: Self.roles[round % Self.roles.count], location: nil, remote: nil)
            market.record(ContinuousClock.now - began)
        }
        output(market.summary("market insights"))
        await services.close()
    }

    /// A job seeker with a profile and the demo's two-page resume.
    private func seeker(_ services: AppServices) async throws -> Actor {
        let (user, _) = try await services.accounts.administration.provision(
            email: "bench-seeker@wayfinder.demo", password: "Bench-Seeker-2026!", name: "Bench Seeker", groups: [.candidate])
        let actor = Actor(userID: user.id, groups: user.groups)
        if try await services.careerAgent.resumes.primary(actor: actor) == nil {
            let url = Bundle.module.url(forResource: "demo-resume", withExtension: "md", subdirectory: "Resources")!
            _ = try await services.careerAgent.resumes.upload(actor: actor, fileName: "resume.md", contentType: "text/markdown",
                                                              data: try Data(contentsOf: url))
        }
        return actor
    }
}

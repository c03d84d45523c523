import AsyncHTTPClient
import CareerAgent
import Domain
import Foundation
import HTTPAPI
import JobPostings
import Logging
import NIOCore
import Search
import SkillsGraph
import Storage

/// `wayfinder bench skills`: the daily matching run (every candidate from scratch, then the
/// incremental run after a day's changes), the on-post match latency, and the assessment API's
/// latency over HTTP. Candidates are synthetic match profiles drawn from the skills, titles and
/// places of the postings themselves.
public struct SkillsBenchmark: Sendable {
    public var dataDirectory: String?
    public var postings: Int
    public var candidates: Int
    public var takers: Int

    public init(dataDirectory: String?, postings: Int, candidates: Int, takers: Int) {
        self.dataDirectory = dataDirectory
        self.postings = postings
        self.candidates = candidates
        self.takers = takers
    }

    public func run(output: @escaping @Sendable (String) -> Void = { print($0) }) async throws {
        let directory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-skills-\(UUID().uuidString)").path
        defer { if dataDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        var settings = Settings(dataDirectory: directory)
        settings.workers = 0
        settings.accounts.bcryptCost = 4
        settings.accounts.anonymousRatePerMinute = 1_000_000_000
        settings.accounts.userRatePerSecond = 1_000_000_000
        let services = try await AppServices.open(settings: settings, logger: logger)
        do {
            let corpus = try DemoCorpus.bundled()
            if try await services.repository.count() == 0 {
                let now = Date()
                for start in stride(from: 0, to: postings, by: 1_000) {
                    _ = try await services.repository.upsert((start..<min(start + 1_000, postings)).map { corpus.posting(number: $0, now: now) })
                }
            }
            try await services.catchUpIndex()
            output("postings searchable: \(services.index.documentCount)")
            try await matching(services, corpus: corpus, output: output)
            try await assessments(services, logger: logger, output: output)
            await services.close()
        } catch {
            await services.close()
            throw error
        }
    }

    // MARK: Matching

    private func matching(_ services: AppServices, corpus: DemoCorpus, output: @Sendable (String) -> Void) async throws {
        let directory = SyntheticCandidates(profiles: Self.profiles(count: candidates, from: corpus.postings(count: 2_000, now: Date())))
        var matchSettings = MatchingService.Settings()
        matchSettings.notifyScore = 101  // synthetic people have no inbox
        let matching = MatchingService(repository: SQLMatchRepository(store: services.store), candidates: directory, postings: services.jobs,
                                       batch: BatchPostingMatcher(skillTagger: CareerAgentFeature.sharedExtractor),
                                       notifications: services.skillsGraph.api.notifications, clock: SystemWallClock(), settings: matchSettings)
        let full = try await matching.run(full: true)
        let stored = try await SQLMatchRepository(store: services.store).all().count
        output(String(format: "daily run, every candidate from scratch: %d candidates × %d postings in %.1f s (%.0f candidates/s; %d pairs kept)",
                      candidates, services.index.documentCount, full.seconds, Double(candidates) / full.seconds, stored))
        output(String(format: "  at this rate, 100,000 candidates take %.1f min", 100_000 / (Double(candidates) / full.seconds) / 60))

        // A day's changes: 0.5% new postings, 0.5% of postings closed, 2% of candidates edit their profile.
        let now = Date()
        let added = max(1, services.index.documentCount / 200)
        let base = 10_000_000 + Int.random(in: 0..<1_000_000)
        _ = try await services.repository.upsert((0..<added).map { corpus.posting(number: base + $0, now: now) })
        var random = SplitMix64(seed: 20)
        let closing = (0..<added).map { _ in corpus.posting(number: random.below(max(1, services.index.documentCount)), now: now).jobID }
        _ = try await services.repository.close(jobIDs: Array(Set(closing)), at: now)
        directory.edit(share: 0.02)
        try await services.catchUpIndex()
        let daily = try await matching.run()
        output(String(format: "daily run after a day's changes (%d postings changed, %d candidates recomputed, %d merged): %.1f s",
                      daily.changedPostings, daily.recomputed, daily.merged, daily.seconds))

        var onPost = LatencyRecorder()
        for round in 0..<5 {
            _ = try await services.repository.upsert([corpus.posting(number: base + added + round, now: Date())])
            let began = ContinuousClock.now
            try await services.catchUpIndex()
            _ = try await matching.run()
            onPost.record(ContinuousClock.now - began)
        }
        output(onPost.summary("on-post match (one new posting scored against every candidate, lists merged)"))
    }

    /// Candidates who look like the people the postings ask for: each modelled on one posting of the
    /// sample (most of its skills and one or two others, its title, its place), some wanting remote
    /// work or a pay floor; a quarter have their first skill verified.
    static func profiles(count: Int, from sample: [JobPosting]) -> [MatchProfile] {
        let extractor = CareerAgentFeature.sharedExtractor
        let asked = sample.map { extractor.skills(of: $0).map(\.name) }
        let everySkill = asked.flatMap { $0 }
        var random = SplitMix64(seed: 15)
        return (0..<count).map { _ in
            let model = random.below(sample.count)
            var owned = asked[model].filter { _ in random.percent(75) }
            for _ in 0..<random.below(3) where !everySkill.isEmpty { owned.append(random.pick(everySkill)) }
            owned = Array(Set(owned)).sorted()
            if owned.isEmpty, !everySkill.isEmpty { owned = [random.pick(everySkill)] }
            let posting = sample[model]
            return MatchProfile(skills: owned, verifiedSkills: random.percent(25) && !owned.isEmpty ? [owned[0]] : [], titles: [posting.title],
                                yearsOfExperience: Double(random.below(15)), locations: random.percent(80) && !posting.location.isEmpty ? [posting.location] : [],
                                wantsRemote: random.percent(20), minimumSalary: random.percent(40) ? 30_000 + random.below(60) * 1_000 : nil,
                                currency: "EUR")
        }
    }

    // MARK: Assessments

    private func assessments(_ services: AppServices, logger: Logger, output: @Sendable (String) -> Void) async throws {
        _ = try await services.skillsGraph.importStarterBankIfEmpty()
        let server = try await LocalServer.start(buildRouter(services.apiDependencies), logger: logger)
        defer { server.stop() }
        var start = LatencyRecorder(), answer = LatencyRecorder(), finish = LatencyRecorder(), read = LatencyRecorder()
        let skills = try await services.skillsGraph.api.bank.skills().map(\.skillID)
        for taker in 0..<takers {
            let email = "taker\(taker)-\(UUID().uuidString.prefix(8))@bench.example"
            _ = try await services.accounts.administration.provision(email: email, password: "Bench-Taker-2026!", name: "Taker \(taker)", groups: [.candidate])
            guard case .tokens(let pair) = try await services.accounts.api.identity.signIn(email: email, password: "Bench-Taker-2026!", address: nil) else {
                throw SettingsError("sign-in failed")
            }
            let skill = skills[taker % skills.count]
            let (session, took) = try await call(server, "POST", "/api/v1/interviews", ["skill_id": skill], token: pair.accessToken)
            start.record(took)
            let id = session["id"] as? String ?? ""
            for question in session["questions"] as? [[String: Any]] ?? [] {
                let kind = question["kind"] as? String ?? ""
                let value: Any = kind == "multiple_choice" ? 0 : kind == "multiple_answer" ? [0, 1]
                    : "A considered answer that mentions measuring, testing and rolling back carefully."
                answer.record(try await call(server, "PUT", "/api/v1/interviews/\(id)/answers/\(question["id"] as? String ?? "")",
                                             ["answer": value], token: pair.accessToken).1)
            }
            read.record(try await call(server, "GET", "/api/v1/interviews/\(id)", nil, token: pair.accessToken).1)
            finish.record(try await call(server, "POST", "/api/v1/interviews/\(id)/finish", nil, token: pair.accessToken).1)
        }
        output("assessment API over HTTP (\(takers) candidates, starter bank, SQLite):")
        output(start.summary("  POST /api/v1/interviews"))
        output(answer.summary("  PUT …/answers/{question_id}"))
        output(read.summary("  GET /api/v1/interviews/{id} (resume)"))
        output(finish.summary("  POST …/finish (marking, rubric, identical-answer check)"))
        var all = LatencyRecorder()
        for sample in start.samples + answer.samples + read.samples + finish.samples { all.record(.milliseconds(sample)) }
        output(all.summary("  every assessment request"))
    }

    private func call(_ server: LocalServer, _ method: String, _ path: String, _ body: [String: Any]?, token: String) async throws -> ([String: Any], Duration) {
        var request = HTTPClientRequest(url: server.base + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        }
        let began = ContinuousClock.now
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        let took = ContinuousClock.now - began
        guard (200..<300).contains(response.status.code) else { throw SettingsError("\(method) \(path) answered \(response.status)") }
        return ((try? JSONSerialization.jsonObject(with: Data(buffer: bytes))) as? [String: Any] ?? [:], took)
    }
}

/// Synthetic candidates for the benchmark, some of whom edit their profile between runs.
final class SyntheticCandidates: CandidateDirectory, @unchecked Sendable {
    private let lock = NSLock()
    private var profiles: [MatchProfile]

    init(profiles: [MatchProfile]) {
        self.profiles = profiles
    }

    func candidates() async throws -> [Candidate] {
        lock.withLock { profiles.enumerated().map { Candidate(userID: "bench-\($0.offset)", profile: $0.element, verifiedLevels: [:]) } }
    }

    func candidate(userID: String) async throws -> Candidate? {
        guard let index = Int(userID.dropFirst("bench-".count)) else { return nil }
        return lock.withLock { profiles.indices.contains(index) ? Candidate(userID: userID, profile: profiles[index], verifiedLevels: [:]) : nil }
    }

    /// A share of the candidates change their title.
    func edit(share: Double) {
        lock.withLock {
            let step = max(1, Int(1 / share))
            for index in stride(from: 0, to: profiles.count, by: step) { profiles[index].titles = ["Senior " + (profiles[index].titles.first ?? "Engineer")] }
        }
    }
}

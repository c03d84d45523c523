import AccessGovernance
import AsyncHTTPClient
import Foundation
import HTTPAPI
import Logging
import NIOCore

/// `wayfinder bench access`: how exactly requests are read and decided on labelled corpora (a
/// directory and its requests), and the decision's latency in-process and over HTTP.
public struct AccessBenchmark: Sendable {
    /// Pairs of a directory document and its labelled requests.
    public var corpora: [(directory: String, requests: String)]
    public var rounds: Int

    public init(corpora: [(directory: String, requests: String)], rounds: Int) {
        self.corpora = corpora
        self.rounds = rounds
    }

    struct Case: Decodable {
        struct Expected: Decodable {
            let user_id: String?, app_id: String?, role_id: String?, duration: String?
            let missing: [String], unknown: [UnknownMention], decision: String?, reasons: [String], question: Bool
        }
        let requester: String
        let text: String
        let expected: Expected
        let note: String?
    }

    public func run(output: @Sendable (String) -> Void = { print($0) }) async throws {
        for corpus in corpora {
            let document = try JSONDecoder().decode(DirectoryDocument.self, from: Data(contentsOf: URL(fileURLWithPath: corpus.directory)))
            let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: corpus.requests)))
            try await measure(document: document, cases: cases, name: URL(fileURLWithPath: corpus.requests).lastPathComponent, output: output)
        }
    }

    private func measure(document: DirectoryDocument, cases: [Case], name: String, output: @Sendable (String) -> Void) async throws {
        let snapshot = DirectorySnapshot(document)
        var entities = 0, decisions = 0, slots = 0, exact = 0, adversarial = 0, adversarialRefused = 0
        var inProcess = LatencyRecorder()
        for example in cases {
            let began = ContinuousClock.now
            let assessment = AccessAssessment(text: example.text, requester: snapshot.user(example.requester), snapshot: snapshot)
            inProcess.record(ContinuousClock.now - began)
            let reading = assessment.reading, expected = example.expected
            let entityMatch = reading.entities.userID == expected.user_id && reading.entities.appID == expected.app_id
                && reading.entities.roleID == expected.role_id && reading.entities.duration?.description == expected.duration
            let decisionMatch = assessment.checks.decision?.rawValue == expected.decision
                && assessment.checks.reasons.map(\.code.rawValue) == expected.reasons
            let slotMatch = reading.missing.map(\.rawValue) == expected.missing && reading.unknown == expected.unknown
                && (reading.question?.isAmbiguity ?? false) == expected.question
            entities += entityMatch ? 1 : 0
            decisions += decisionMatch ? 1 : 0
            slots += slotMatch ? 1 : 0
            exact += entityMatch && decisionMatch && slotMatch ? 1 : 0
            if Self.isAdversarial(example) {
                adversarial += 1
                adversarialRefused += assessment.checks.decision != .valid ? 1 : 0
            }
        }
        func percent(_ count: Int) -> String { String(format: "%.1f%%", 100 * Double(count) / Double(max(1, cases.count))) }
        output("\(name): \(cases.count) requests; entities \(percent(entities)), missing/unknown/question \(percent(slots)), "
               + "decision and reasons \(percent(decisions)), all exact \(percent(exact)); adversarial refused \(adversarialRefused)/\(adversarial)")
        output(inProcess.summary("  read and decide, in-process"))
        try await overHTTP(document: document, cases: cases, output: output)
    }

    /// Requests whose note or text says they try to steer the decision.
    static func isAdversarial(_ example: Case) -> Bool {
        let note = (example.note ?? "").lowercased()
        return ["adversarial", "injection", "inject", "prompt", "sql", "html", "fake", "claim"].contains { note.contains($0) }
    }

    /// Each request posted by an integration relaying its requester, on a fresh database served on loopback.
    private func overHTTP(document: DirectoryDocument, cases: [Case], output: @Sendable (String) -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-access-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        var settings = Settings(dataDirectory: directory)
        settings.accounts.anonymousRatePerMinute = 1_000_000_000
        settings.accounts.userRatePerSecond = 1_000_000_000
        settings.workers = 0
        let services = try await AppServices.open(settings: settings, logger: logger, index: .memory)
        do {
            _ = try await services.accessGovernance.directory.importDocument(document)
            _ = try await services.accounts.administration.createAdmin(email: "bench-admin@wayfinder.demo", password: "Bench-Admin-2026!", name: "Bench")
            guard case .tokens(let pair) = try await services.accounts.api.identity.signIn(
                email: "bench-admin@wayfinder.demo", password: "Bench-Admin-2026!", address: nil) else { throw SettingsError("sign-in failed") }
            let server = try await LocalServer.start(buildRouter(services.apiDependencies), logger: logger)
            defer { server.stop() }
            var latency = LatencyRecorder()
            for round in 0..<(rounds + 1) {
                for example in cases {
                    var request = HTTPClientRequest(url: server.base + "/api/v1/access/requests")
                    request.method = .POST
                    request.headers.add(name: "Authorization", value: "Bearer \(pair.accessToken)")
                    request.headers.add(name: "Content-Type", value: "application/json")
                    let body = try JSONSerialization.data(withJSONObject: ["text": example.text, "requester": example.requester])
                    request.body = .bytes(ByteBuffer(bytes: body))
                    let began = ContinuousClock.now
                    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                    _ = try await response.body.collect(upTo: 1 << 20)
                    if round > 0 { latency.record(ContinuousClock.now - began) }
                    guard response.status == .created else { throw SettingsError("a request answered \(response.status)") }
                }
            }
            output(latency.summary("  POST /api/v1/access/requests over HTTP (SQLite, audit chained, first round warms up)"))
            await services.close()
        } catch {
            await services.close()
            throw error
        }
    }
}

import Accounts
import CareerAgent
import Domain
import Foundation
import Logging
import Platform

/// `wayfinder bench triage`: the labelled corpus's scores, how many messages a second one core
/// parses and triages, and (with `--imap-url`) a whole mailbox synced through the product's own path
/// with the process's peak memory.
public struct TriageBenchmark: Sendable {
    public var corpus: String
    public var messages: Int
    public var imapURL: String?
    public var imapCAFile: String?

    public init(corpus: String, messages: Int, imapURL: String?, imapCAFile: String?) {
        self.corpus = corpus
        self.messages = messages
        self.imapURL = imapURL
        self.imapCAFile = imapCAFile
    }

    public func run(output: @Sendable (String) -> Void = { print($0) }) async throws {
        let directory = URL(fileURLWithPath: corpus)
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".eml") }.sorted()
        guard !files.isEmpty else { throw SettingsError("no .eml files in \(corpus)") }
        let raws = try files.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
        let labelsFile = directory.appendingPathComponent("labels.json")
        if let data = try? Data(contentsOf: labelsFile) {
            let labels = try JSONDecoder().decode([TriageScorecard.Label].self, from: data)
            for split in Set(labels.compactMap(\.split)).sorted() {
                let pairs = try labels.filter { $0.split == split }.map { label in
                    (label, EmailTriage().analyze(try MailParser.parse(try Data(contentsOf: directory.appendingPathComponent(label.file)))))
                }
                output("labelled corpus, \(split):\n" + TriageScorecard(pairs: pairs).report())
            }
        }
        let triage = EmailTriage()
        let bytes = raws.map(\.count).reduce(0, +) / raws.count
        var started = ContinuousClock.now
        var parsed: [ReceivedMail] = []
        parsed.reserveCapacity(raws.count)
        for index in 0..<messages {
            let mail = try MailParser.parse(raws[index % raws.count])
            _ = triage.analyze(mail)
            if parsed.count < raws.count { parsed.append(mail) }
        }
        var seconds = (ContinuousClock.now - started).seconds
        output(String(format: "parse and triage, one core: %.0f messages/s (%d messages, %d bytes on average)", Double(messages) / seconds, messages, bytes))
        started = ContinuousClock.now
        for index in 0..<messages { _ = triage.analyze(parsed[index % parsed.count]) }
        seconds = (ContinuousClock.now - started).seconds
        output(String(format: "triage alone, one core: %.0f messages/s", Double(messages) / seconds))
        if let imapURL { try await syncMailbox(imapURL, output: output) }
    }

    /// Connects the mailbox for a new user on a fresh data directory and syncs it the way the scheduled task does.
    private func syncMailbox(_ address: String, output: @Sendable (String) -> Void) async throws {
        guard let url = URLComponents(string: address), let host = url.host, let user = url.user, let password = url.password,
              ["imap", "imaps"].contains(url.scheme ?? "") else {
            throw SettingsError("--imap-url must look like imaps://user:password@host:993/INBOX")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wayfinder-triage-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var settings = Settings(dataDirectory: directory)
        settings.careerAgent.imapAllowPlain = url.scheme == "imap"
        settings.careerAgent.imapCAFile = imapCAFile
        var logger = Logger(label: "wayfinder.bench")
        logger.logLevel = .warning
        let services = try await AppServices.open(settings: settings, logger: logger)
        defer { Task { await services.close() } }
        let account = try await services.accounts.administration.provision(email: "bench@example.com", password: "Bench-Password-2026",
                                                                           name: "Bench", groups: []).user
        let actor = Actor(userID: account.id, groups: [])
        let folder = url.path.isEmpty || url.path == "/" ? "INBOX" : String(url.path.dropFirst())
        let before = Self.peakResidentMegabytes()
        let mailbox = try await services.careerAgent.mailboxes.connect(actor: actor, MailboxService.Connection(
            host: host, port: url.port, security: url.scheme == "imap" ? .plain : .tls, username: user.removingPercentEncoding ?? user,
            password: password.removingPercentEncoding ?? password, folder: folder))
        let started = ContinuousClock.now
        let result = try await services.careerAgent.mailboxes.sync(actor: actor, id: mailbox.id)
        let seconds = (ContinuousClock.now - started).seconds
        output(String(format: "mailbox sync: %d messages read, %d kept as job mail, %.1f s (%.0f messages/s)%@", result.read, result.kept,
                      seconds, Double(result.read) / seconds, result.error.map { ", error: \($0)" } ?? ""))
        output(String(format: "peak resident memory: %.0f MB before the sync, %.0f MB after it", before, Self.peakResidentMegabytes()))
    }

    /// The process's high-water mark of resident memory (VmHWM), in MB.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "0") ?? 0
        return kilobytes / 1024
    }
}

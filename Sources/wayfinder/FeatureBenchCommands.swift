import ArgumentParser
import Foundation
import WayfinderApp

// The features' benchmarks: career agent, email triage, access governance, publishing, skills graph.

/// Where a feature benchmark finds its postings: a data directory an earlier run filled, or a fresh corpus.
struct BenchDataOptions: ParsableArguments {
    @Option(help: "Postings to add when the data directory has none.")
    var postings = 20_000

    @Option(name: .customLong("data-dir"), help: "Data directory, e.g. one `bench search --data-dir` filled with 1,000,000 postings.")
    var dataDirectory: String?
}

struct BenchCareer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "career",
        abstract: "Skill extraction postings/s, resume analysis, search ordered by match and market insights p50/p99."
    )

    @OptionGroup var data: BenchDataOptions

    @Option(help: "Rounds (each is 20 requests of every kind).")
    var rounds = 5

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await CareerBenchmark(dataDirectory: data.dataDirectory, postings: data.postings, rounds: rounds).run()
    }
}

struct BenchTriage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Email triage: scores on a labelled corpus, messages/s parsed and triaged, and a mailbox sync's speed and memory."
    )

    @Option(help: "A folder of .eml files, with labels.json to be scored.")
    var corpus = "Tests/CareerAgentTests/Fixtures/emails"

    @Option(help: "Messages to parse and triage (the corpus repeated).")
    var messages = 10_000

    @Option(name: .customLong("imap-url"), help: "A mailbox to sync, e.g. imaps://user:password@host:993/INBOX (imap:// for plain on loopback).")
    var imapURL: String?

    @Option(name: .customLong("imap-ca"), help: "A PEM file of the mail server's root certificate, for a self-signed server.")
    var imapCAFile: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await TriageBenchmark(corpus: corpus, messages: messages, imapURL: imapURL, imapCAFile: imapCAFile).run()
    }
}

struct BenchAccess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Access requests: exactness on labelled corpora (entities, slots, decisions, adversarial refused) and decision latency p50/p99."
    )

    @Option(parsing: .upToNextOption, help: "Directory documents, each followed by its labelled requests: --corpus DIR.json REQUESTS.json …")
    var corpus: [String] = [
        "Tests/AccessGovernanceTests/Fixtures/northwind-directory.json", "Tests/AccessGovernanceTests/Fixtures/requests.json",
        "Tests/AccessGovernanceTests/Fixtures/northwind-directory.json", "Tests/AccessGovernanceTests/Fixtures/requests-holdout.json",
        "Tests/AccessGovernanceTests/Fixtures/acme-directory.json", "Tests/AccessGovernanceTests/Fixtures/requests-acme.json",
    ]

    @Option(help: "Rounds of every request over HTTP.")
    var rounds = 5

    func validate() throws {
        guard corpus.count.isMultiple(of: 2), !corpus.isEmpty else { throw ValidationError("--corpus takes pairs: a directory, then its requests") }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        let pairs = stride(from: 0, to: corpus.count, by: 2).map { (directory: corpus[$0], requests: corpus[$0 + 1]) }
        try await AccessBenchmark(corpora: pairs, rounds: rounds).run()
    }
}

struct BenchPublish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publishing: deliveries/s and the scheduling delay (due to first attempt) against local servers shaped like the networks."
    )

    @Option(help: "Messages to schedule, all due at once.")
    var messages = 400

    @Option(help: "Channels each message goes to (webhook, Mastodon, Slack, Discord, SMS in turn).")
    var channels = 5

    @Option(help: "Concurrent deliveries (the worker pool's size).")
    var workers = 8

    @Option(name: .customLong("database-url"), help: "A database to run on (postgres://…); a fresh SQLite file by default.")
    var databaseURL: String?

    @Option(help: "Seconds over which the messages come due (0: all at once).")
    var spread = 0.0

    func run() async throws {
        LogSetup.bootstrap(level: .error, format: .text)
        try await PublishBenchmark(messages: messages, channels: channels, workers: workers, databaseURL: databaseURL, spread: spread).run()
    }
}

struct BenchSkills: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "Matching: the daily run from scratch and after a day's changes, the on-post latency; the assessment API's p50/p99 over HTTP."
    )

    @OptionGroup var data: BenchDataOptions

    @Option(help: "Synthetic candidates to match.")
    var candidates = 10_000

    @Option(help: "Candidates who take an assessment over HTTP.")
    var takers = 40

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await SkillsBenchmark(dataDirectory: data.dataDirectory, postings: data.postings, candidates: candidates, takers: takers).run()
    }
}

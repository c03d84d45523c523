import ArgumentParser
import Foundation
import Logging
import WayfinderApp

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure performance; prints figures, asserts nothing.",
        subcommands: [BenchSearch.self, BenchImport.self, BenchFollow.self, BenchSync.self, BenchAuth.self, BenchPages.self, BenchCorpus.self, BenchQueries.self, BenchCareer.self, BenchTriage.self, BenchAccess.self, BenchPublish.self, BenchSkills.self]
    )
}

struct BenchImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write N demo postings as JSON Lines, import them as `import jobs` does, import them again; print postings/s."
    )

    @Option(help: "Number of postings.")
    var postings = 100_000

    @Option(name: .customLong("database-url"), help: "An empty PostgreSQL database (default: SQLite in the data directory).")
    var databaseURL: String?

    @Option(name: .customLong("data-dir"), help: "Data directory (default: a temporary directory).")
    var dataDirectory: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await ImportBenchmark(postings: postings, databaseURL: databaseURL, dataDirectory: dataDirectory).run()
    }
}

struct BenchFollow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Import N postings through one set of connections and time another index catching up through the change feed."
    )

    @Option(help: "Number of postings to import.")
    var postings = 100_000

    @Option(name: .customLong("database-url"), help: "postgres://… (default: a temporary SQLite file).")
    var databaseURL: String?

    @Option(name: .customLong("data-dir"), help: "Data directory (default: a temporary directory).")
    var dataDirectory: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await FollowerBenchmark(postings: postings, databaseURL: databaseURL, dataDirectory: dataDirectory).run()
    }
}

struct BenchSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync a local board of N postings end to end (HTTP, normalize, upsert, searchable); prints postings/s."
    )

    @Option(help: "Board sizes, comma-separated.")
    var postings = "10000,100000"

    @Option(name: .customLong("database-url"), help: "postgres://… (an empty database; default: a temporary SQLite file).")
    var databaseURL: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        let sizes = postings.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("--postings takes positive numbers, e.g. 10000,100000") }
        try await SyncBenchmark(postings: sizes, databaseURL: databaseURL).run()
    }
}

struct BenchAuth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Bcrypt cost per hash, then sign-in and authenticated GET /api/v1/users/me throughput over local HTTP."
    )

    @Option(name: .customLong("bcrypt-cost"), help: "The work factor sign-in runs at (as WAYFINDER_BCRYPT_COST).")
    var bcryptCost = 11

    @Option(help: "Concurrent clients.")
    var concurrency = 8

    @Option(help: "Seconds per scenario.")
    var seconds = 10.0

    @Option(name: .customLong("database-url"), help: "postgres://… (an empty database; default: a temporary SQLite file).")
    var databaseURL: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        guard (4...16).contains(bcryptCost), concurrency > 0, seconds > 0 else { throw ValidationError("--bcrypt-cost takes 4 to 16; --concurrency and --seconds must be positive") }
        try await AuthBenchmark(bcryptCost: bcryptCost, concurrency: concurrency, seconds: seconds, databaseURL: databaseURL).run()
    }
}

struct BenchPages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Time to first byte of / and /jobs/{id} over local HTTP, and page weights."
    )

    @Option(help: "Demo postings to add when the data directory's database is empty.")
    var postings = 100_000

    @Option(help: "Rounds of the query mix (after one warm-up round).")
    var rounds = 3

    @Option(name: .customLong("data-dir"), help: "Use and keep this data directory (e.g. one `bench search --data-dir` filled).")
    var dataDirectory: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await PagesBenchmark(postings: postings, rounds: rounds, dataDirectory: dataDirectory).run()
    }
}

struct BenchCorpus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write N demo postings as normalized JSON Lines (the corpus the search benchmark uses)."
    )

    @Option(help: "Number of postings.")
    var postings = 100_000

    @Option(help: "Output file.")
    var output: String

    func run() async throws {
        try CorpusExport.write(postings: postings, to: output)
    }
}

struct BenchQueries: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "Print the benchmark query mix as JSON (URL query strings of GET /api/v1/jobs)."
    )

    func run() throws {
        let data = try JSONSerialization.data(withJSONObject: BenchmarkQueries.all, options: [.prettyPrinted, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }
}

struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Import N demo postings, build the index, time the query mix in-process and over HTTP."
    )

    @Option(name: .customLong("data-dir"), help: "Keep the benchmark database here (default: a temporary directory).")
    var dataDirectory: String?

    @Option(help: "Number of postings.")
    var postings = 100_000

    @Option(help: "Times the query mix is run.")
    var rounds = 20

    @Flag(name: .customLong("no-http"), help: "Skip the HTTP measurement.")
    var skipHTTP = false

    @Flag(name: .customLong("each-query"), help: "Also print the median latency of every query of the mix.")
    var eachQuery = false

    @Option(name: .customLong("database-url"), help: "Benchmark on this (empty) PostgreSQL database instead of SQLite.")
    var databaseURL: String?

    @Flag(help: "Search what an earlier run left in --data-dir instead of importing and building again.")
    var reuse = false

    @Option(help: "Run only the queries of the mix containing this text, e.g. customer.")
    var only: String?

    @Flag(help: "With --reuse: drop the saved index and build it again from the database, timing the build.")
    var rebuild = false

    func validate() throws {
        if reuse && dataDirectory == nil { throw ValidationError("--reuse needs --data-dir") }
        if rebuild && !reuse { throw ValidationError("--rebuild needs --reuse") }
        if let only, !BenchmarkQueries.all.contains(where: { $0.contains(only) }) {
            throw ValidationError("no query of the mix contains '\(only)' (see wayfinder bench queries)")
        }
    }

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        var benchmark = SearchBenchmark(postings: postings, rounds: rounds, overHTTP: !skipHTTP, dataDirectory: dataDirectory)
        benchmark.showsEachQuery = eachQuery
        benchmark.databaseURL = databaseURL
        benchmark.reusesData = reuse
        benchmark.rebuildsIndex = rebuild
        benchmark.onlyQueriesContaining = only
        try await benchmark.run()
    }
}

struct BenchCareer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "career",
        abstract: "Skill extraction postings/s, resume analysis, search ordered by match and market insights p50/p99."
    )

    @Option(help: "Postings to add when the data directory has none.")
    var postings = 20_000

    @Option(help: "Rounds (each is 20 requests of every kind).")
    var rounds = 5

    @Option(name: .customLong("data-dir"), help: "Data directory, e.g. one `bench search --data-dir` filled with 1,000,000 postings.")
    var dataDirectory: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await CareerBenchmark(dataDirectory: dataDirectory, postings: postings, rounds: rounds).run()
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

    @Option(help: "Postings to add when the data directory has none.")
    var postings = 20_000

    @Option(help: "Synthetic candidates to match.")
    var candidates = 10_000

    @Option(help: "Candidates who take an assessment over HTTP.")
    var takers = 40

    @Option(name: .customLong("data-dir"), help: "Data directory, e.g. one `bench search --data-dir` filled with 1,000,000 postings.")
    var dataDirectory: String?

    func run() async throws {
        LogSetup.bootstrap(level: .warning, format: .text)
        try await SkillsBenchmark(dataDirectory: dataDirectory, postings: postings, candidates: candidates, takers: takers).run()
    }
}

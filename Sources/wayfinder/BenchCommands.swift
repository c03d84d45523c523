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

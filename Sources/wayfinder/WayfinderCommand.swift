import ArgumentParser
import Foundation
import Logging
import WayfinderApp

struct Wayfinder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wayfinder",
        abstract: "Job search, career tools and access governance in one server.",
        subcommands: [Serve.self, Work.self, Migrate.self, Import.self, Sources.self, Tasks.self, Users.self, Access.self, Audit.self, Assessments.self, Matches.self, Bench.self],
        defaultSubcommand: Serve.self
    )
}

/// Options every subcommand shares. Unset options fall through to `WAYFINDER_*` variables,
/// then the config file, then defaults.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Data directory (WAYFINDER_DATA_DIR; default ./.wayfinder).")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "sqlite://PATH or postgres://… (WAYFINDER_DATABASE_URL).")
    var databaseURL: String?

    @Option(name: .customLong("config"), help: "JSON config file (WAYFINDER_CONFIG_FILE).")
    var configFile: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (WAYFINDER_LOG_LEVEL).")
    var logLevel: String?

    var flags: [Settings.Key: String] {
        var flags: [Settings.Key: String] = [:]
        flags[.dataDirectory] = dataDirectory
        flags[.databaseURL] = databaseURL
        flags[.configFile] = configFile
        flags[.logLevel] = logLevel
        return flags
    }

    func settings(_ extra: [Settings.Key: String] = [:]) async throws -> Settings {
        let settings = try await Settings.load(flags: flags.merging(extra) { $1 })
        LogSetup.bootstrap(level: settings.logLevel, format: settings.logFormat)
        return settings
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server and API (and the background work).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on (WAYFINDER_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (WAYFINDER_PORT; default 8080).")
    var port: Int?

    @Flag(help: "Fill an empty database with demo postings first.")
    var demo = false

    @Option(name: .customLong("demo-postings"), help: "How many demo postings --demo adds.")
    var demoPostings = 5_000

    func run() async throws {
        var extra: [Settings.Key: String] = [:]
        extra[.host] = host
        extra[.port] = port.map(String.init)
        let settings = try await common.settings(extra)
        let logger = Logger(label: "wayfinder")
        logger.info("starting", metadata: ["address": "http://\(settings.host):\(settings.port)", "data_dir": "\(settings.dataDirectory)"])
        try await Server.run(settings: settings, demoPostings: demo ? demoPostings : nil, logger: logger)
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var common: CommonOptions

    @Flag(help: """
        Also record the skills of open postings written before this release's skill extractor (by an earlier \
        release, or before skills were recorded): every index build then takes them from the rows instead of \
        reading the postings again. Reads each such posting once; safe to run beside servers. A run stopped \
        half-way goes on from where it stopped; after one that finished, the next starts from the first row.
        """)
    var recordSkills = false

    func run() async throws {
        let settings = try await common.settings()
        let services = try await AppServices.open(settings: settings, logger: Logger(label: "wayfinder.migrate"), index: .memory)
        print("database is up to date")
        do {
            if recordSkills { try await recordStaleSkills(services) }
        } catch {
            await services.close()
            throw error
        }
        await services.close()
    }

    private func recordStaleSkills(_ services: AppServices) async throws {
        let started = ContinuousClock.now
        var read = 0, lastReport = started
        try await services.repository.restartSkillSweepIfFinished()
        while let step = try await services.repository.recordStaleSkills() {
            read += step
            if ContinuousClock.now - lastReport >= .seconds(10) {
                print("skills recorded for \(read) postings so far")
                lastReport = .now
            }
        }
        print(String(format: "skills recorded for %d postings in %.1f s", read, (ContinuousClock.now - started).seconds))
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import data.",
        subcommands: [ImportJobs.self]
    )
}

struct ImportJobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Import job postings: JSON Lines (normalized), JSON arrays, or HTML/JSON with schema.org JobPosting."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Provider id for schema.org postings (job ids become PROVIDER#identifier).")
    var provider = "jsonld"

    @Argument(help: "The file to import.")
    var file: String

    func run() async throws {
        let settings = try await common.settings()
        let services = try await AppServices.open(settings: settings, logger: Logger(label: "wayfinder.import"), index: .memory)
        do {
            var fileImport = JobFileImport(services: services, provider: provider)
            fileImport.updatesIndex = false
            _ = try await fileImport.run(path: file)
            await services.close()
        } catch {
            await services.close()
            throw error
        }
    }
}

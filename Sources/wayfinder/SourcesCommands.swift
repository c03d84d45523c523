import ArgumentParser
import Foundation
import JobPostings
import Logging
import WayfinderApp

struct Sources: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the sources postings are pulled from.",
        subcommands: [SourcesAdd.self, SourcesList.self, SourcesRemove.self, SourcesSync.self]
    )
}

struct SourcesAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a source and print its id.",
        discussion: """
            wayfinder sources add greenhouse --board TOKEN
            wayfinder sources add lever --site NAME
            wayfinder sources add ashby --board NAME
            wayfinder sources add jsonld --url URL
            wayfinder sources add xmlfeed --url URL
            wayfinder sources add demo --count N
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "greenhouse, lever, ashby, jsonld, xmlfeed or demo.")
    var kind: String

    @Option(help: "Greenhouse or Ashby board token.") var board: String?
    @Option(help: "Lever site name.") var site: String?
    @Option(help: "Feed or page URL (jsonld, xmlfeed).") var url: String?
    @Option(help: "Number of postings (demo).") var count: Int?
    @Option(name: .customLong("base-url"), help: "Replace the provider's public endpoint (self-hosted or test servers).") var baseURL: String?
    @Option(help: "Cron schedule, 5-field or AWS cron(…), UTC (default every 6 hours: 0 */6 * * *).") var schedule: String?
    @Option(help: "A name to show in lists.") var name: String?
    @Flag(help: "Add the source without scheduling it.") var disabled = false

    func run() async throws {
        try await common.withServices("wayfinder.sources") { services in
            let source = try await services.jobSources.service.add(JobSourceService.NewSource(
                kind: kind, parameters: SourceParameters(board: board, site: site, url: url, count: count, baseURL: baseURL),
                name: name, schedule: schedule, enabled: !disabled
            ))
            print(source.id)
        }
    }
}

struct SourcesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show each source with its last run and next run.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await common.withServices("wayfinder.sources") { services in
            let statuses = try await services.jobSources.service.statuses()
            print(statuses.isEmpty ? "no sources yet: add one with 'wayfinder sources add'" : SourceReport.table(statuses))
        }
    }
}

struct SourcesRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a source (its postings stay).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The source's id.") var id: Int64

    func run() async throws {
        try await common.withServices("wayfinder.sources") { services in
            try await services.jobSources.service.remove(id: id)
            print("removed source \(id)")
        }
    }
}

struct SourcesSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync sources now, in the foreground, through the task queue, and print the results."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The source's id.") var id: Int64?
    @Flag(help: "Sync every enabled source.") var all = false
    @Flag(help: "Exit with status 1 when a sync failed.") var strict = false

    func validate() throws {
        if (id == nil) == !all { throw ValidationError("name one source id, or --all") }
    }

    func run() async throws {
        let failed = try await common.withServices("wayfinder.sources") { services -> Bool in
            let ids = all ? try await services.jobSources.service.statuses().filter(\.source.enabled).map(\.source.id) : [id!]
            if ids.isEmpty {
                print("no enabled sources")
                return false
            }
            var sync = ForegroundSync(services: services)
            sync.progress = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            let outcomes = try await sync.run(sourceIDs: ids)
            for outcome in outcomes { print(SourceReport.line(outcome)) }
            return outcomes.contains { !$0.succeeded }
        }
        if failed && strict { throw ExitCode(1) }
    }
}

extension CommonOptions {
    /// Opens the services without a search index (these commands do not search), runs `body`, closes.
    func withServices<Value: Sendable>(_ label: String, _ body: (AppServices) async throws -> Value) async throws -> Value {
        let settings = try await settings()
        let services = try await AppServices.open(settings: settings, logger: Logger(label: label), index: .memory)
        do {
            let value = try await body(services)
            await services.close()
            return value
        } catch {
            await services.close()
            throw error
        }
    }
}

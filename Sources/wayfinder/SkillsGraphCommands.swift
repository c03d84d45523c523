import ArgumentParser
import Domain
import Foundation
import WayfinderApp

struct Assessments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage skill assessment question banks.",
        subcommands: [AssessmentsImport.self, AssessmentsExport.self]
    )
}

struct AssessmentsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a question bank (format wayfinder-assessment-bank) from a JSON file.",
        discussion: "Questions are matched by id: new ones are added, changed ones replaced. Nothing is stored unless every question is valid."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The bank file.") var file: String

    func run() async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw ValidationError("Cannot read \(file): \(error.localizedDescription)") }
        try await common.withServices("wayfinder.assessments") { services in
            do {
                let summary = try await services.skillsGraph.api.bank.importBank(data)
                print("questions: \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged")
            } catch DomainError.invalid(let message, let fields), DomainError.badRequest(let message, let fields) {
                throw ValidationError(([message] + fields.map { "  \($0.field): \($0.message)" }).joined(separator: "\n"))
            }
        }
    }
}

struct AssessmentsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the question bank (or one skill's) as one JSON document.")

    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("skill"), help: "Only this skill's questions (a taxonomy id such as python).") var skill: String?

    func run() async throws {
        try await common.withServices("wayfinder.assessments") { services in
            print(String(decoding: try await services.skillsGraph.api.bank.exportBank(skillID: skill).encoded(), as: UTF8.self))
        }
    }
}

struct Matches: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Two-sided matching of candidates and jobs.", subcommands: [MatchesRun.self])
}

struct MatchesRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Bring matches up to date now (what the daily run does), or recompute everyone with --full."
    )

    @OptionGroup var common: CommonOptions
    @Flag(name: .customLong("full"), help: "Recompute every candidate from scratch.") var full = false

    func run() async throws {
        try await common.withServices("wayfinder.matches") { services in
            // Rankings come from the search index: built here from the database before matching reads it.
            try await services.catchUpIndex()
            let report = try await services.skillsGraph.api.matching.run(full: full)
            print("postings changed: \(report.changedPostings), candidates recomputed: \(report.recomputed), merged: \(report.merged), "
                  + "notified: \(report.notified), \(String(format: "%.2f", report.seconds)) s")
        }
    }
}

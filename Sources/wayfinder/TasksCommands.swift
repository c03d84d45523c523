import ArgumentParser
import Foundation
import Logging
import Platform
import WayfinderApp

struct Tasks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the task queue and replay dead letters.",
        subcommands: [TasksList.self, TasksDead.self, TasksReplay.self]
    )
}

struct TasksList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the newest tasks and the queue's counts.")

    @OptionGroup var common: CommonOptions
    @Option(help: "How many tasks to show.") var limit = 50

    func run() async throws {
        try await common.withServices("wayfinder.tasks") { services in
            let queue = services.backgroundWork.queue
            let statistics = try await queue.statistics()
            print("queued \(statistics.queued), running \(statistics.running), done \(statistics.done), dead \(statistics.dead)")
            print(SourceReport.tasks(try await queue.tasks(limit: limit)))
        }
    }
}

struct TasksDead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dead", abstract: "Show dead letters with their last error.")

    @OptionGroup var common: CommonOptions
    @Option(help: "How many to show.") var limit = 50

    func run() async throws {
        try await common.withServices("wayfinder.tasks") { services in
            let letters = try await services.backgroundWork.queue.deadLetters(limit: limit)
            print(letters.isEmpty ? "no dead letters" : SourceReport.deadLetters(letters))
        }
    }
}

struct TasksReplay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Put dead letters back on the queue.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The dead letter's id.") var id: Int64?
    @Flag(help: "Replay every dead letter.") var all = false

    func validate() throws {
        if (id == nil) == !all { throw ValidationError("name one dead letter id, or --all") }
    }

    func run() async throws {
        try await common.withServices("wayfinder.tasks") { services in
            let queue = services.backgroundWork.queue
            if all {
                print("replayed \(try await queue.replayAll()) dead letters")
            } else if let taskID = try await queue.replay(deadLetterID: id!) {
                print("replayed dead letter \(id!) as task \(taskID)")
            } else {
                throw ValidationError("no dead letter has the id \(id!)")
            }
        }
    }
}

struct Work: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run background workers and the scheduler, without the web server.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Task slots (WAYFINDER_WORKERS; default 2).") var workers: Int?

    func run() async throws {
        var extra: [Settings.Key: String] = [:]
        extra[.workers] = workers.map(String.init)
        let settings = try await common.settings(extra)
        try await Worker.run(settings: settings, logger: Logger(label: "wayfinder.work"))
    }
}

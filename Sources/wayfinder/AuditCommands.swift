import AccessGovernance
import ArgumentParser
import WayfinderApp

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the access audit log.",
        subcommands: [AuditVerify.self]
    )
}

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the audit log's hash chain; exit 1 and name the first broken entry if it does not hold.",
        discussion: """
            The chain shows edited, deleted and reordered entries, but not entries cut from the end. \
            Note the head this prints somewhere outside the database and pass it back later with \
            --expect-head to catch that too.
            """
    )

    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("expect-head"), help: "A head printed by an earlier run, SEQUENCE:HASH, that the log must still reach.")
    var expectedHead: String?

    func validate() throws {
        if let expectedHead, AuditHead(expectedHead) == nil {
            throw ValidationError("--expect-head takes SEQUENCE:HASH, such as 17:<64 hex digits>")
        }
    }

    func run() async throws {
        let head = expectedHead.flatMap { AuditHead($0) }
        try await common.withServices("wayfinder.audit") { services in
            switch try await services.accessGovernance.audit.verify(expectedHead: head) {
            case .intact(let entries, let lastHash):
                print("audit log intact: \(entries) entries" + (lastHash.map { ", head \(entries):\($0)" } ?? ""))
            case .broken(let sequence, let reason):
                print("audit log broken at entry \(sequence): \(reason)")
                throw ExitCode(1)
            }
        }
    }
}

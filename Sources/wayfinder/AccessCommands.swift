import AccessGovernance
import ArgumentParser
import Domain
import Foundation
import WayfinderApp

struct Access: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the access-governance directory.",
        subcommands: [AccessImport.self, AccessExport.self]
    )
}

struct AccessImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the directory (users, applications, roles, user_roles, policies) from a JSON file.",
        discussion: "A re-import updates the directory in place (grants from approved requests stay) and prints what changed."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The JSON document.") var file: String

    func run() async throws {
        let document: DirectoryDocument
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            document = try decoder.decode(DirectoryDocument.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch let error as DecodingError {
            throw ValidationError("\(file) is not a directory document: \(error.readable)")
        }
        try await common.withServices("wayfinder.access") { services in
            do {
                let changes = try await services.accessGovernance.directory.importDocument(document)
                _ = try await services.accessGovernance.audit.append(AuditEvent(
                    action: "directory.imported", actor: "cli", subject: "directory", details: try JSONValue.encoding(changes)))
                for (name, kind) in [("users", changes.users), ("applications", changes.applications), ("roles", changes.roles),
                                     ("user_roles", changes.userRoles), ("policies", changes.policies)] {
                    print("\(name): \(kind.added.count) added, \(kind.updated.count) updated, \(kind.removed.count) removed, \(kind.unchanged) unchanged")
                }
                for warning in changes.warnings { print("warning: \(warning)") }
            } catch DomainError.invalid(let message, let fields) {
                throw ValidationError(([message] + fields.map { "  \($0.field): \($0.message)" }).joined(separator: "\n"))
            }
        }
    }
}

struct AccessExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the directory as one JSON document.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await common.withServices("wayfinder.access") { services in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(try await services.accessGovernance.directory.export()), as: UTF8.self))
        }
    }
}

extension DecodingError {
    /// The path and the problem, as a person reads them ("roles[3].sensitivity must be …").
    var readable: String {
        let field = fieldError()
        return "\(field.field) \(field.message)"
    }
}

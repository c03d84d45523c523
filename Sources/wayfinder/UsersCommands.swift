import ArgumentParser
import Accounts
import Domain
import Foundation
import WayfinderApp

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage accounts from the command line.",
        subcommands: [UsersCreateAdmin.self]
    )
}

struct UsersCreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create an administrator (or make an existing account one), verified and ready to sign in."
    )

    @OptionGroup var common: CommonOptions
    @Option(help: "The administrator's email address.") var email: String
    @Option(help: "The name shown for the account.") var name: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input instead of prompting.")
    var passwordFromStandardInput = false

    func run() async throws {
        let password: String
        if passwordFromStandardInput {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            guard let typed = getpass("Password for \(email): ") else { throw ValidationError("No password was given.") }
            password = String(cString: typed)
        }
        try await common.withServices("wayfinder.users") { services in
            let (user, created): (User, Bool)
            do {
                (user, created) = try await services.accounts.administration.createAdmin(email: email, password: password, name: name)
            } catch DomainError.invalid(let detail, let fields) {
                throw ValidationError(([detail] + fields.map { "\($0.field) \($0.message)" }).joined(separator: "\n  "))
            }
            print(created ? "created administrator \(user.email) (\(user.id))" : "\(user.email) (\(user.id)) is now an administrator")
        }
    }
}

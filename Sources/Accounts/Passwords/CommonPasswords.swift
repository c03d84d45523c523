import Foundation

/// The 10,000 most common passwords (see Resources/SOURCE.md), loaded once per process.
enum CommonPasswords {
    static let all: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("The common-password list is missing from the Accounts bundle.")
        }
        return Set(text.split(separator: "\n").map { String($0) })
    }()

    static func contains(_ password: String) -> Bool {
        all.contains(password.lowercased())
    }
}

import Foundation

/// Who sends a request or acts on one: a Wayfinder account, linked to a directory user by email,
/// or an integration (an API key relaying messages, e.g. a chat bot).
public struct AccessCaller: Sendable, Equatable {
    public var accountID: String
    public var email: String?
    public var isAdmin: Bool
    /// The API key's name when an integration calls.
    public var integration: String?

    public init(accountID: String, email: String?, isAdmin: Bool, integration: String? = nil) {
        self.accountID = accountID
        self.email = email
        self.isAdmin = isAdmin
        self.integration = integration
    }

    /// How the audit log names the caller.
    public var label: String { integration.map { "api-key:\($0)" } ?? "account:\(accountID)" }

    /// Whether the caller may speak for another directory user (`"requester"` in a request).
    public var mayRelay: Bool { isAdmin || integration != nil }
}

/// When requests are approved without a person: `off`, or VALID low-sensitivity requests read with at
/// least this confidence (`WAYFINDER_ACCESS_AUTO_APPROVE`).
public enum AutoApproval: Sendable, Equatable {
    case off
    case atLeast(Double)

    /// Reads `off` or a number between 0 and 1.
    public init?(setting: String) {
        let text = setting.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "off" || text == "false" || text == "none" { self = .off; return }
        guard let value = Double(text), (0...1).contains(value) else { return nil }
        self = .atLeast(value)
    }
}

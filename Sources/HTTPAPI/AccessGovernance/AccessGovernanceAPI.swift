import AccessGovernance
import Accounts
import Domain

/// The access-governance use cases the routes call.
public struct AccessGovernanceAPI: Sendable {
    public var directory: DirectoryService
    public var requests: AccessRequestService
    public var chat: AccessChatService
    public var audit: any AuditLog
    /// The optional language model's proposal of a policy's rule, shown beside the drafter's.
    public var ruleProposal: PolicyRuleProposal
    /// The email of a Wayfinder account, which links it to a directory user.
    public var emailOfAccount: @Sendable (String) async throws -> String?

    public init(directory: DirectoryService, requests: AccessRequestService, chat: AccessChatService, audit: any AuditLog,
                ruleProposal: PolicyRuleProposal = PolicyRuleProposal(model: nil),
                emailOfAccount: @escaping @Sendable (String) async throws -> String?) {
        self.ruleProposal = ruleProposal
        self.directory = directory
        self.requests = requests
        self.chat = chat
        self.audit = audit
        self.emailOfAccount = emailOfAccount
    }

    /// Who is calling, as access governance sees it: a signed-in user, or an integration's API key.
    public func caller(_ context: APIRequestContext) async throws -> AccessCaller {
        switch context.identity {
        case .user(let authenticated):
            return AccessCaller(accountID: authenticated.actor.userID, email: try await emailOfAccount(authenticated.actor.userID),
                                isAdmin: authenticated.actor.isAdmin)
        case .apiKey(let key):
            return AccessCaller(accountID: key.userID, email: try await emailOfAccount(key.userID), isAdmin: false, integration: key.name)
        case nil:
            throw DomainError.unauthorized("Sign in and send 'Authorization: Bearer <access token>', or an integration's 'X-API-Key'.")
        }
    }
}

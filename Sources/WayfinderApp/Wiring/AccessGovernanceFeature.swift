import AccessGovernance
import Accounts
import Domain
import Foundation
import HTTPAPI
import Storage

/// Access governance: the directory, requests decided against it, approvals and grants, the chat,
/// the hash-chained audit log, and the knowledge search over policies and past decisions.
public struct AccessGovernanceFeature: Sendable {
    public let directory: DirectoryService
    public let requests: AccessRequestService
    public let chat: AccessChatService
    public let audit: any AuditLog
    private let users: SQLUserRepository
    /// The optional language model (`WAYFINDER_LLM_URL`), which may propose policy rules for an admin to review.
    private let ruleProposal: PolicyRuleProposal
    static let expiryTask = "expire_access_grants"

    init(store: any SQLStore, work: inout BackgroundWorkFeature, settings: Settings, clock: any WallClock) async throws {
        let knowledge = EngineAccessKnowledge()
        directory = DirectoryService(repository: SQLAccessDirectoryRepository(store: store), clock: clock,
                                     onChange: { document in await knowledge.replacePolicies(document.policies) })
        let repository = SQLAccessRequestRepository(store: store)
        audit = SQLAuditLog(store: store, clock: clock)
        requests = AccessRequestService(directory: directory, repository: repository, audit: audit, knowledge: knowledge,
                                        autoApproval: settings.access.autoApproval, clock: clock)
        chat = AccessChatService(requests: requests, repository: repository, clock: clock)
        users = SQLUserRepository(store: store)
        ruleProposal = PolicyRuleProposal(model: CareerAgentFeature.languageModel(settings))
        // Past decisions are knowledge from the start; later ones are added as they are made.
        let snapshot = try await directory.snapshot()
        let recent = try await repository.requests(owner: nil, requester: nil, status: nil, limit: 1_000)
        await knowledge.addPrecedents(AccessRequestService.precedents(of: recent.reversed(), snapshot: snapshot))
        let requests = self.requests
        work.register(Self.expiryTask) { _ in _ = try await requests.expireGrants() }
        try await work.scheduler.register(name: Self.expiryTask, cron: settings.access.expirySchedule, taskName: Self.expiryTask,
                                          payload: Data("{}".utf8))
    }

    var api: AccessGovernanceAPI {
        let users = self.users
        return AccessGovernanceAPI(directory: directory, requests: requests, chat: chat, audit: audit, ruleProposal: ruleProposal,
                                   emailOfAccount: { id in try await users.user(id: id)?.email })
    }
}

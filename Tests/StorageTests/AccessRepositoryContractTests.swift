import AccessGovernance
import Domain
import Foundation
import Storage
import Testing

/// The access directory and requests on each engine, through the services that use them.
@Suite("Access governance storage contract")
struct AccessRepositoryContractTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static let document = DirectoryDocument(
        users: [DirectoryUser(userID: "u1", name: "Ada Lovelace", email: "ada@example.com", department: "Engineering", manager: "u2"),
                DirectoryUser(userID: "u2", name: "Grace Hopper", email: "grace@example.com", department: "IT")],
        applications: [DirectoryApplication(appID: "jira", name: "Jira", aliases: ["JRA"], owner: "u2")],
        roles: [DirectoryRole(roleID: "jira-user", appID: "jira", name: "Jira User"),
                DirectoryRole(roleID: "jira-admin", appID: "jira", name: "Jira Admin", prerequisites: ["jira-user"], sensitivity: .high)],
        userRoles: [RoleAssignment(userID: "u2", roleID: "jira-user")],
        policies: [AccessPolicy(policyID: "P1", title: "Admins are time-bound", text: "High sensitivity for 30 days at most.",
                                rule: PolicyRule(effect: .deny, sensitivity: [.high], allowIf: AllowConditions(durationDaysAtMost: 30, permanent: false)))])

    @Test("an import is stored as given, in order, under a new revision; a stale revision or a role of no application changes nothing; a dangling reference is a warning",
          arguments: StorageBackend.available)
    func directory(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let repository = SQLAccessDirectoryRepository(store: store)
            let service = DirectoryService(repository: repository, clock: FixedWallClock(Self.now))
            let changes = try await service.importDocument(Self.document)
            #expect(changes.users.added == ["u1", "u2"] && changes.roles.added == ["jira-user", "jira-admin"])
            let (stored, revision) = try await repository.load()
            #expect(stored == Self.document)
            #expect(try await repository.replace(with: Self.document, expectedRevision: revision - 1) == nil)
            var broken = Self.document
            broken.roles[1].appID = "nowhere"
            await #expect(throws: DomainError.self) { try await service.importDocument(broken) }
            #expect(try await repository.load().document == Self.document)
            var dangling = Self.document
            dangling.roles[1].prerequisites = ["jira-user", "retired-role"]
            #expect(try await service.importDocument(dangling).warnings == [#"roles[1].prerequisites: no role "retired-role""#])
            _ = try await service.importDocument(Self.document)
            var renamed = Self.document
            renamed.users[0].title = "Analyst"
            let again = try await service.importDocument(renamed)
            #expect(again.users.updated == ["u1"] && again.users.unchanged == 1 && again.roles.added.isEmpty)
            #expect(try await repository.revision() == revision + 3)
        }
    }

    @Test("a request, its grant and its end are stored together; lists belong to their owner or requester; chats to their owner",
          arguments: StorageBackend.available)
    func requests(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let clock = AdjustableWallClock(Self.now)
            let directory = DirectoryService(repository: SQLAccessDirectoryRepository(store: store), clock: clock)
            _ = try await directory.importDocument(Self.document)
            let repository = SQLAccessRequestRepository(store: store)
            let service = AccessRequestService(directory: directory, repository: repository, audit: InMemoryAuditLog(clock: clock), knowledge: nil,
                                               autoApproval: .atLeast(0.5), clock: clock)
            let ada = AccessCaller(accountID: "account-ada", email: "ada@example.com", isAdmin: false)
            let granted = try await service.submit(text: "I need Jira User for 10 days", caller: ada)
            #expect(granted.status == .granted)
            #expect(try await repository.request(id: granted.id) == granted)
            #expect(try await directory.snapshot().roles(heldBy: "u1").contains("jira-user"))
            clock.advance(by: 60)
            let pending = try await service.submit(text: "I need Jira Admin for 7 days", caller: ada)
            #expect(pending.status == .pendingApproval && pending.approvals.map(\.approverUserID) == ["u2"])
            #expect(try await repository.requests(owner: "account-ada", requester: nil, status: nil, limit: 10).map(\.id) == [pending.id, granted.id])
            #expect(try await repository.requests(owner: "someone", requester: "u1", status: .pendingApproval, limit: 10).map(\.id) == [pending.id])
            #expect(try await repository.requests(owner: "someone", requester: "u9", status: nil, limit: 10).isEmpty)
            #expect(try await repository.update(pending, expecting: .granted) == false)
            #expect(try await repository.requests(changedSince: Self.now, limit: 10).map(\.id) == [granted.id, pending.id])
            #expect(try await repository.requests(changedSince: Self.now.addingTimeInterval(30), limit: 10).map(\.id) == [pending.id])

            clock.advance(by: 10 * 86_400)
            #expect(try await repository.requestsWithGrantsEnding(atOrBefore: clock.now()) == [granted.id])
            #expect(try await service.expireGrants() == 1)
            #expect(try await repository.request(id: granted.id)?.status == .expired)
            #expect(try await directory.snapshot().roles(heldBy: "u1").isEmpty)

            let session = AccessChatSession(id: "s1", ownerAccountID: "account-ada", requester: nil, entities: AccessEntities(appID: "jira"),
                                            turns: [], requestID: nil, updatedAt: Self.now)
            try await repository.save(session)
            try await repository.save(session)
            #expect(try await repository.chatSession(id: "s1", owner: "account-ada") == session)
            #expect(try await repository.chatSession(id: "s1", owner: "account-bob") == nil)
        }
    }
}

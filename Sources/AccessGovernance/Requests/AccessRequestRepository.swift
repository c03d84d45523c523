import Foundation

/// Where requests, their grants and chat sessions are kept.
public protocol AccessRequestRepository: Sendable {
    func insert(_ request: AccessRequest) async throws
    func request(id: String) async throws -> AccessRequest?
    /// Newest first; `owner` or `requester` narrow it (either matching), `status` filters.
    func requests(owner: String?, requester: String?, status: AccessRequestStatus?, limit: Int) async throws -> [AccessRequest]
    /// Saves `request` when its stored status is still `expected`, with its grant in the same transaction
    /// (a grant given or ended also moves the directory's revision); false when it had moved on.
    func update(_ request: AccessRequest, expecting expected: AccessRequestStatus) async throws -> Bool
    /// Requests changed at or after `date` (decided, approved, ended), oldest first: how a process learns
    /// of the decisions other processes made.
    func requests(changedSince date: Date, limit: Int) async throws -> [AccessRequest]
    /// Ids of requests whose grant ends at or before `date` and has not ended yet.
    func requestsWithGrantsEnding(atOrBefore date: Date) async throws -> [String]
    func chatSession(id: String, owner: String) async throws -> AccessChatSession?
    func save(_ session: AccessChatSession) async throws
}

/// Where the directory is kept. Every write bumps one revision, so each process knows when the
/// snapshot it holds is stale; grants given by approved requests count among the roles held.
public protocol AccessDirectoryRepository: Sendable {
    /// The directory, with the roles granted by requests (and not ended) among `user_roles`, and its revision.
    func load() async throws -> (document: DirectoryDocument, revision: Int64)
    func revision() async throws -> Int64
    /// Replaces users, applications, roles, assignments and policies in one transaction when the
    /// revision is still `expectedRevision`; the new revision, or nil when another write came first.
    /// Grants are not touched.
    func replace(with document: DirectoryDocument, expectedRevision: Int64) async throws -> Int64?
}

/// Runs `body`, or throws `failure` once `limit` has passed, whichever comes first; the loser is cancelled.
/// Clients use it where their library's own deadline does not bound every stage of a request.
public func withDeadline<Result: Sendable>(
    _ limit: Duration, failure: any Error & Sendable, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw failure
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

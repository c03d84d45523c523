import Foundation

/// Runs blocking work (starting a peer and waiting until it listens, waiting for a child process,
/// reading its pipes) on a thread of its own and awaits the result.
///
/// Swift concurrency runs every test on as many threads as the machine has cores, two in CI. A test
/// that blocks one of them for seconds starves every other test: their timers fire late, and a test
/// that checks a 300 ms timeout sees ten seconds go by.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

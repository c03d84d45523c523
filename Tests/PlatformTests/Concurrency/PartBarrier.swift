import Foundation

/// Each part waits here until every part has arrived; true when they all did within the timeout.
final class PartBarrier: @unchecked Sendable {
    private let lock = NSCondition()
    private var arrived = 0
    private let parts: Int

    init(parts: Int) {
        self.parts = parts
    }

    func arriveAndWait(timeout: Duration) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        arrived += 1
        lock.broadcast()
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds))
        while arrived < parts {
            if !lock.wait(until: deadline) { return false }
        }
        return true
    }
}

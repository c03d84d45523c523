import Foundation

extension Process {
    /// Starts the process while no other process of this program is being started.
    ///
    /// On Linux, Foundation learns that a child has ended when the child's end of a socket pair closes.
    /// `run()` gives each child every descriptor it finds open except its own, so a child started by
    /// another thread at the same moment can inherit that socket end and keep it open: the first child's
    /// end then goes unnoticed (`isRunning` stays true, `waitUntilExit()` and `terminationHandler` wait)
    /// until the second child exits too, which for a long-lived server is never. Starting children one at
    /// a time closes that window: each `run()` closes its child's end in this process before the next
    /// `run()` looks at what is open.
    public func runOneAtATime() throws {
        try processStartLock.withLock { try run() }
    }
}

private let processStartLock = NSLock()

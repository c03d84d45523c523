import Foundation

extension Process {
    /// Waits for the process to exit for at most `seconds`, then kills it and waits for that.
    ///
    /// A bare `waitUntilExit()` waits for ever when the process does not do what it was asked: a child
    /// inherits the signal mask of the thread that started it, and the test runner's threads block
    /// SIGTERM. A test waiting here holds one of the few threads every test shares.
    public func waitUntilExit(orKillAfter seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { usleep(20_000) }
        if isRunning { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
    }

    /// Asks the process to stop (SIGTERM), and kills it if it has not within `seconds`.
    public func stop(orKillAfter seconds: Double) {
        if isRunning { terminate() }
        waitUntilExit(orKillAfter: seconds)
    }
}

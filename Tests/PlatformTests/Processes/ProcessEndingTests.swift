import Foundation
import Platform
import TestPeers
import Testing

@Suite("Waiting for a test peer to end")
struct ProcessEndingTests {
    /// A child whose own child keeps Foundation's socket end open: Foundation does not see it end, and
    /// a bare `waitUntilExit()` would wait as long as the grandchild lives.
    @Test("an exit is seen even while a grandchild holds the child's socket end, and its status is returned")
    func exitSeenPastAGrandchild() throws {
        let process = Self.shell("sleep 30 & exit 3")
        try process.runOneAtATime()
        defer { kill(-process.processIdentifier, SIGKILL) }
        let started = Date()
        #expect(process.waitUntilExit(orKillAfter: 20) == 3)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("a child that ignores the request to stop is killed after its time, and says so")
    func ignoredTerminationEndsInAKill() throws {
        let process = Self.shell("trap '' TERM; sleep 30")
        try process.runOneAtATime()
        usleep(200_000)  // Until the shell has set its trap.
        let started = Date()
        #expect(process.stop(orKillAfter: 0.5) == 128 + SIGKILL)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    private static func shell(_ script: String) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }
}

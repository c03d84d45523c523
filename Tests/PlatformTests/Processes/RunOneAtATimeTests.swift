import Foundation
import Platform
import Testing

@Suite("Starting child processes")
struct RunOneAtATimeTests {
    /// Short children started from many threads at once, alongside long ones: Foundation must see each
    /// short one end, which it does only if no long one inherited its end of the socket pair. With a
    /// plain `run()`, about half of them go unseen here.
    @Test("a child's end is seen while children started alongside it live on")
    func endSeenBesideLongLivedChildren() async throws {
        let pairs = 24
        // Open descriptors make each start slower (a child is told to close every one), and the window
        // wider, as in a busy test run. Few enough to stay under select()'s limit of 1,024.
        let ballast = (0..<400).map { _ in open("/dev/null", O_RDONLY) }
        defer { ballast.forEach { close($0) } }
        let lock = NSLock()
        nonisolated(unsafe) var started: [(short: Process, long: Process)] = []
        let threads = (0..<pairs).map { _ in
            Thread {
                let long = Self.process("/bin/sleep", ["30"])
                let short = Self.process("/bin/true", [])
                try? long.runOneAtATime()
                try? short.runOneAtATime()
                lock.withLock { started.append((short, long)) }
            }
        }
        threads.forEach { $0.start() }
        while lock.withLock({ started.count }) < pairs { try await Task.sleep(for: .milliseconds(10)) }
        defer { for pair in started where pair.long.processIdentifier > 0 { kill(pair.long.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(10)
        while started.contains(where: { $0.short.isRunning }), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let unseen = started.filter { $0.short.isRunning }.count
        #expect(unseen == 0, "\(unseen) of \(pairs) children that ended are still running as far as Foundation knows")
        #expect(started.allSatisfy { $0.long.isRunning })
    }

    private static func process(_ path: String, _ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }
}

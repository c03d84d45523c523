import Foundation
import Logging
import Platform
import TestPeers
import Testing

/// How fast and in how much memory a large mailbox is read: 10,000 messages of about 5 KB, in
/// batches of 100, into a receiver that keeps nothing. A measurement, not a check: it runs only with
/// WAYFINDER_IMAP_MEASURE=1 and prints its figures
/// (`WAYFINDER_IMAP_MEASURE=1 swift test --filter IMAPMeasurement`). WAYFINDER_IMAP_MEASURE_BATCH sets
/// another batch size, for comparison.
@Suite("IMAPMeasurement", .enabled(if: ProcessInfo.processInfo.environment["WAYFINDER_IMAP_MEASURE"] == "1" && DovecotServer.unavailableReason == nil,
                                   "set WAYFINDER_IMAP_MEASURE=1 (and install dovecot-imapd) to measure"))
struct IMAPMeasurement {
    /// A status line of /proc/self/status in kB: VmHWM is the peak resident size, VmRSS the current one.
    static func kilobytes(_ field: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    @Test("10,000 messages of about 5 KB, batches of 100: messages per second and peak resident memory")
    func largeMailbox() async throws {
        let count = 10_000
        let batchSize = Int(ProcessInfo.processInfo.environment["WAYFINDER_IMAP_MEASURE_BATCH"] ?? "") ?? 100
        let server = try await DovecotServer.mailbox()
        defer { server.remove() }
        let filler = String(repeating: "Wir suchen eine erfahrene Entwicklerin für unser Team in Berlin. ", count: 75)
        try server.add((1...count).map { IMAPClientTests.message($0, body: filler + "\r\n") })
        var logger = Logger(label: "wayfinder.measure.imap")
        logger.logLevel = .warning
        let client = IMAPClient(configuration: server.configuration(), logger: logger)
        // Dovecot indexes the new files on first sight; that is the server's cost, not the client's.
        _ = try await client.verify()

        // Writing 5 to clear_refs resets VmHWM to the current size, so the peak below is the fetch's own.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let before = Self.kilobytes("VmRSS"), peakBefore = Self.kilobytes("VmHWM")
        let counter = Counter()
        let started = ContinuousClock.now
        let state = try await client.fetchNew(after: nil, batchSize: batchSize) { batch in counter.add(batch) }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let peak = Self.kilobytes("VmHWM")
        print("""
            IMAP measurement: \(counter.messages) messages (\(counter.bytes / 1024) KiB) in \(counter.batches) batches of up to \(batchSize), \
            \(String(format: "%.2f", seconds)) s, \(Int(Double(counter.messages) / seconds)) messages/s; \
            RSS before \(before / 1024) MiB, peak before \(peakBefore / 1024) MiB, peak during the fetch \(peak / 1024) MiB \
            (+\((peak - before) / 1024) MiB), RSS after \(Self.kilobytes("VmRSS") / 1024) MiB
            """)
        #expect(counter.messages == count)
        #expect(state.lastUID == UInt32(count))
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var totals = (messages: 0, bytes: 0, batches: 0)
        var messages: Int { lock.withLock { totals.messages } }
        var bytes: Int { lock.withLock { totals.bytes } }
        var batches: Int { lock.withLock { totals.batches } }
        func add(_ batch: [IMAPFetchedMessage]) {
            lock.withLock { totals = (totals.messages + batch.count, totals.bytes + batch.reduce(0) { $0 + $1.raw.count }, totals.batches + 1) }
        }
    }
}

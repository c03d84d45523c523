import Foundation
import JobPostings

/// `wayfinder import jobs FILE`: streams a file through the importer and reports what happened.
public struct JobFileImport {
    public let services: AppServices
    public let provider: String
    public var updatesIndex = true
    /// Where progress and the summary go; progress is shown only on a terminal.
    public var output: @Sendable (String) -> Void = { print($0) }
    public var showsProgress = isatty(STDOUT_FILENO) == 1
    /// Bytes of the file read, parsed and stored as one batch (one write transaction).
    public var batchBytes = 16 << 20

    public init(services: AppServices, provider: String) {
        self.services = services
        self.provider = provider
    }

    public struct Outcome: Sendable {
        public var report: JobImporter.Report
        public var seconds: Double
    }

    /// Adds records in batches of `storedBatch`, each stored in its own transaction.
    private static func add(_ records: [JobFeedRecord], to session: inout JobImporter.Session) async throws {
        for start in stride(from: 0, to: records.count, by: storedBatch) {
            try await session.add(Array(records[start..<min(start + storedBatch, records.count)]))
            try await session.flush()
        }
    }

    static let storedBatch = 5_000
    /// Read batches parsed ahead of the one being stored (each holds `batchBytes` of text and its postings).
    static let batchesAhead = 3

    public func run(path: String) async throws -> Outcome {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SettingsError("cannot read \(path)")
        }
        defer { try? handle.close() }
        let started = ContinuousClock.now
        let parser = JobFeedParser(provider: provider)
        var importer = services.importer(updatingIndex: updatesIndex)
        // JSON Lines are stored a read batch at a time (see below); other formats in batches of this size.
        importer.batchSize = 1 << 30
        var session = importer.start()
        let head = try handle.read(upToCount: 4_096) ?? Data()
        switch JobFeedParser.sniff(head) {
        case .html:
            let data = head + (try handle.readToEnd() ?? Data())
            try await Self.add(parser.parseHTML(String(decoding: data, as: UTF8.self)), to: &session)
        case .json:
            try await Self.add(parser.parseDocument(head + (try handle.readToEnd() ?? Data())), to: &session)
        case .jsonLines:
            // Lines are parsed and validated on every core, up to `batchesAhead` batches ahead of the batch
            // being stored: storing is one thread, so parsing fills the other cores while it runs.
            var reader = LineBatchReader(handle: handle, initial: head, batchBytes: batchBytes)
            let clock = services.clock
            var parsing: [Task<LineBatch.Prepared, Never>] = []
            func parseAhead() throws {
                while parsing.count < Self.batchesAhead, let batch = try reader.next() {
                    // One batch at a time on all cores, in file order: the batch needed next is never slowed
                    // by the ones after it.
                    let previous = parsing.last
                    parsing.append(Task {
                        _ = await previous?.value
                        return await batch.prepare(parser: parser, now: clock.now())
                    })
                }
            }
            try parseAhead()
            var lines = 0
            while !parsing.isEmpty {
                let prepared = await parsing.removeFirst().value
                lines = prepared.lastLine
                try parseAhead()
                try await session.add(prepared: prepared.records)
                try await session.flush()
                if showsProgress {
                    let rate = Double(lines) / max((ContinuousClock.now - started).seconds, 0.001)
                    output("\u{1B}[2K\rread \(lines) lines (\(Int(rate)) lines/s)…")
                }
            }
            if showsProgress, lines > 0 { output("") }
        }
        let report = try await session.finish()
        let seconds = (ContinuousClock.now - started).seconds
        for failure in report.failures.prefix(100) { output("line \(failure.position): \(failure.message)") }
        if report.failures.count > 100 { output("… and \(report.failures.count - 100) more failed lines") }
        let stored = report.stored
        output(String(
            format: "imported %@: %d inserted, %d updated, %d unchanged, %d failed in %.2f s (%.0f postings/s)",
            path, stored.inserted, stored.updated, stored.unchanged, report.failures.count, seconds,
            Double(report.read) / max(seconds, 0.001)
        ))
        return Outcome(report: report, seconds: seconds)
    }
}

/// Reads a file in batches of whole lines, without loading it whole: each batch is one read into its
/// own buffer (plus the unfinished line the previous read ended with).
struct LineBatchReader {
    let handle: FileHandle
    let batchBytes: Int
    private var carry: [UInt8]
    private var finished = false
    private var nextLineNumber = 1

    init(handle: FileHandle, initial: Data, batchBytes: Int) {
        self.handle = handle
        self.batchBytes = max(1, batchBytes)
        carry = Array(initial)
    }

    /// The next batch of lines, or nil after the last.
    mutating func next() throws -> LineBatch? {
        var capacity = max(batchBytes, carry.count + batchBytes / 2)
        while true {
            if finished && carry.isEmpty { return nil }
            var bytes = try readBatch(capacity: capacity)
            // The last line break is at most one line from the end.
            let lastNewline = bytes.lastIndex(of: 0x0A)
            if let lastNewline {
                carry = Array(bytes[(lastNewline + 1)...])
                bytes.removeLast(bytes.count - lastNewline - 1)
            } else if finished {
                // The last line of a file may have no line break.
                carry = []
            } else {
                // One line longer than the buffer: read on with a larger one.
                carry = bytes
                capacity *= 2
                continue
            }
            let lineEnds = Self.lineEnds(bytes)
            defer { nextLineNumber += lineEnds.count }
            return LineBatch(bytes: bytes, lineEnds: lineEnds, firstLineNumber: nextLineNumber)
        }
    }

    /// `carry` followed by as much of the file as fits in `capacity` bytes.
    private mutating func readBatch(capacity: Int) throws -> [UInt8] {
        let descriptor = handle.fileDescriptor
        var failure: Int32?
        var reachedEnd = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = carry.count
            _ = UnsafeMutableBufferPointer(rebasing: buffer[..<carry.count]).initialize(from: carry)
            while count < capacity {
                let got = read(descriptor, buffer.baseAddress! + count, capacity - count)
                if got > 0 { count += got; continue }
                if got == 0 { reachedEnd = true; break }
                if errno == EINTR { continue }
                failure = errno
                break
            }
        }
        if let failure { throw SettingsError("cannot read the file: \(String(cString: strerror(failure)))") }
        if reachedEnd { finished = true }
        carry = []
        return bytes
    }

    /// Where each line ends: every line break, and the end of `bytes` when it does not end with one.
    private static func lineEnds(_ bytes: [UInt8]) -> [Int] {
        var ends: [Int] = []
        ends.reserveCapacity(bytes.count / 1_024 + 16)
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            while position < buffer.count {
                guard let found = memchr(buffer.baseAddress! + position, 0x0A, buffer.count - position) else {
                    ends.append(buffer.count)
                    break
                }
                let end = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                ends.append(end)
                position = end + 1
            }
        }
        return ends
    }
}

/// Consecutive lines of a file: `bytes` holds them all, each ending at its entry of `lineEnds`
/// (exclusive; the line break, if any, follows).
struct LineBatch: Sendable {
    let bytes: [UInt8]
    let lineEnds: [Int]
    let firstLineNumber: Int

    var lastLine: Int { firstLineNumber + lineEnds.count - 1 }

    struct Prepared: Sendable {
        var records: [JobImporter.Prepared]
        var lastLine: Int
    }

    /// Parses and validates every line, split across the cores; records come back in line order.
    ///
    /// The work runs on dispatch threads rather than in the task pool, so the task storing the previous
    /// batch is never queued behind it.
    func prepare(parser: JobFeedParser, now: Date) async -> Prepared {
        let parts = max(1, min(16, lineEnds.count / 32))
        let size = (lineEnds.count + parts - 1) / parts
        let records = await withCheckedContinuation { (continuation: CheckedContinuation<[JobImporter.Prepared], Never>) in
            DispatchQueue.global().async {
                let pieces = PieceBox(count: parts)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    pieces.set(part, prepare(lines: (part * size)..<min(lineEnds.count, (part + 1) * size), parser: parser, now: now))
                }
                continuation.resume(returning: pieces.joined())
            }
        }
        return Prepared(records: records, lastLine: lastLine)
    }

    private func prepare(lines: Range<Int>, parser: JobFeedParser, now: Date) -> [JobImporter.Prepared] {
        var records: [JobFeedRecord] = []
        records.reserveCapacity(lines.count)
        bytes.withUnsafeBufferPointer { bytes in
            for line in lines {
                let start = line == 0 ? 0 : lineEnds[line - 1] + 1
                records += parser.parseLine(UnsafeBufferPointer(rebasing: bytes[start..<lineEnds[line]]), number: firstLineNumber + line)
            }
        }
        return JobImporter.prepare(records, updatedAt: now)
    }
}

/// Results of concurrent work, one slot per piece; each slot is written by one thread only.
private final class PieceBox: @unchecked Sendable {
    private var pieces: [[JobImporter.Prepared]]
    private let lock = NSLock()

    init(count: Int) {
        pieces = Array(repeating: [], count: count)
    }

    func set(_ index: Int, _ records: [JobImporter.Prepared]) {
        lock.lock()
        pieces[index] = records
        lock.unlock()
    }

    func joined() -> [JobImporter.Prepared] {
        lock.lock()
        defer { lock.unlock() }
        return Array(pieces.joined())
    }
}

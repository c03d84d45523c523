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

    public init(services: AppServices, provider: String) {
        self.services = services
        self.provider = provider
    }

    public struct Outcome: Sendable {
        public var report: JobImporter.Report
        public var seconds: Double
    }

    public func run(path: String) async throws -> Outcome {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SettingsError("cannot read \(path)")
        }
        defer { try? handle.close() }
        let started = ContinuousClock.now
        let parser = JobFeedParser(provider: provider)
        var session = services.importer(updatingIndex: updatesIndex).start()
        let head = try handle.read(upToCount: 4_096) ?? Data()
        switch JobFeedParser.sniff(head) {
        case .html:
            let data = head + (try handle.readToEnd() ?? Data())
            try await session.add(parser.parseHTML(String(decoding: data, as: UTF8.self)))
        case .json:
            try await session.add(parser.parseDocument(head + (try handle.readToEnd() ?? Data())))
        case .jsonLines:
            var lines = LineReader(handle: handle, initial: head)
            var number = 0
            while let line = try lines.next() {
                number += 1
                try await session.add(parser.parseLine(line, number: number))
                if showsProgress, number % 10_000 == 0 {
                    let rate = Double(number) / max((ContinuousClock.now - started).seconds, 0.001)
                    output("\u{1B}[2K\rread \(number) lines (\(Int(rate)) lines/s)…")
                }
            }
            if showsProgress, number >= 10_000 { output("") }
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

/// Reads a file line by line in large chunks, without loading it whole.
struct LineReader {
    let handle: FileHandle
    private var buffer: Data
    private var finished = false

    init(handle: FileHandle, initial: Data) {
        self.handle = handle
        buffer = initial
    }

    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = buffer[buffer.index(after: newline)...]
                return Data(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return Data(buffer)
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer = Data(buffer) + chunk }
        }
    }
}

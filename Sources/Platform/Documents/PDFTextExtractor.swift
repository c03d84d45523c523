import Foundation
import Synchronization

/// Reads a PDF's text with poppler's `pdftotext` (Debian's `poppler-utils`).
///
/// `-layout` keeps each printed line whole ("Senior Engineer, Acme      2019 – 2024"), where the
/// default mode moves right-aligned dates and side columns to the end of the page; the wide gaps it
/// leaves become tabs when the text is tidied. Two-column pages come out side by side on each line.
/// The PDF and the text go through files in a private temporary directory, removed afterwards.
public struct PDFTextExtractor: DocumentTextExtractor {
    public static let toolName = "pdftotext"
    public static let installHint = "install poppler-utils (apt-get install poppler-utils)"
    /// Looked in after `PATH`, which a service manager may have trimmed.
    static let commonDirectories = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/opt/local/bin"]

    /// The pdftotext binary; nil when it is not installed, which makes every call throw `extractorUnavailable`.
    public var executable: URL?
    /// How long one PDF may take before pdftotext is killed.
    public var timeout: Duration
    /// Where each call makes (and removes) its private directory for the PDF and the text.
    public var temporaryDirectory: URL

    public init(
        executable: URL? = PDFTextExtractor.locateTool(),
        timeout: Duration = .seconds(10),
        temporaryDirectory: URL = FileManager.default.temporaryDirectory
    ) {
        self.executable = executable
        self.timeout = timeout
        self.temporaryDirectory = temporaryDirectory
    }

    static let directoryPrefix = "wayfinder-pdf-"

    /// Removes the private directories of calls in processes that were killed before they could (an upload is a
    /// person's résumé). A call lasts seconds, so a directory an hour old is nobody's.
    static func removeLeftovers(in directory: URL, olderThan age: TimeInterval = 3_600, now: Date = Date()) {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(directoryPrefix) {
            let path = directory.appendingPathComponent(name).path
            guard let modified = (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > age else { continue }
            try? files.removeItem(atPath: path)
        }
    }

    /// When this process last looked for leftovers, by directory: listing the temporary directory once an hour
    /// is enough, where every read doing it would list a folder of thousands of entries per upload.
    private static let lastSwept = Mutex<[String: Date]>([:])

    static func removeLeftoversHourly(in directory: URL, now: Date = Date()) {
        let due = lastSwept.withLock { swept in
            guard now.timeIntervalSince(swept[directory.path] ?? .distantPast) >= 3_600 else { return false }
            swept[directory.path] = now
            return true
        }
        if due { removeLeftovers(in: directory, now: now) }
    }

    /// The first executable `pdftotext` on `PATH` or in the common install directories.
    public static func locateTool(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (path + commonDirectories)
            .map { URL(fileURLWithPath: $0).appendingPathComponent(toolName) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public func text(of data: Data) async throws -> ExtractedDocument {
        guard let executable, FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw DocumentExtractionError.extractorUnavailable(tool: Self.toolName, hint: Self.installHint)
        }
        Self.removeLeftoversHourly(in: temporaryDirectory)
        let directory = temporaryDirectory.appendingPathComponent("\(Self.directoryPrefix)\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("upload.pdf")
        let output = directory.appendingPathComponent("text.txt")
        let errors = directory.appendingPathComponent("errors.txt")
        try data.write(to: input)

        let outcome: ToolProcess.Outcome
        do {
            outcome = try await ToolProcess.run(
                executable, arguments: ["-layout", "-enc", "UTF-8", "-eol", "unix", input.path, output.path],
                standardError: errors, timeout: timeout)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw DocumentExtractionError.extractorUnavailable(tool: Self.toolName, hint: Self.installHint)
        }
        switch outcome {
        case .exited(0):
            let text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
            return try ExtractedDocument(kind: .pdf, extractedText: text, pageCount: Self.pageCount(text))
        case .timedOut:
            throw DocumentExtractionError.timedOut(tool: Self.toolName, limit: timeout)
        case .exited(let status):
            throw DocumentExtractionError.corrupt(Self.reason(status: status, errors: (try? String(contentsOf: errors, encoding: .utf8)) ?? ""))
        case .killedBySignal:
            throw DocumentExtractionError.corrupt("the PDF could not be read (\(Self.toolName) crashed on it)")
        }
    }
}

/// Why no text came out of an uploaded document. `title` and `description` are written for the
/// uploader, to go into a problem detail as they are.
///
/// Suggested statuses: `tooLarge` 413; `unsupportedType` and `mismatchedType` 415; `noText`,
/// `zipBomb`, `corrupt` and `timedOut` 422 (the file is the problem); `extractorUnavailable` 503
/// (the server is).
public enum DocumentExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a kind Wayfinder reads, and the name claims nothing it reads either.
    case unsupportedType(DetectedFormat)
    /// The name or content type claims one kind and the bytes are something else.
    case mismatchedType(declared: DocumentKind, actual: DetectedFormat)
    /// The file is empty, or holds no letters or digits (a scanned PDF has only images). The kind, when known.
    case noText(DocumentKind?)
    case tooLarge(byteCount: Int, limit: Int)
    /// A compressed file whose sizes or ratios are beyond what a resume needs, refused before inflating it.
    case zipBomb(String)
    /// The file is the kind it claims but cannot be read: truncated, damaged, password-protected.
    case corrupt(String)
    /// The tool that reads this kind is not installed on the server.
    case extractorUnavailable(tool: String, hint: String)
    /// The tool did not finish in time and was stopped.
    case timedOut(tool: String, limit: Duration)

    public var title: String {
        switch self {
        case .unsupportedType: "Unsupported file type"
        case .mismatchedType: "File content does not match its type"
        case .noText: "No text in the document"
        case .tooLarge: "File too large"
        case .zipBomb: "Compressed file refused"
        case .corrupt: "Unreadable document"
        case .extractorUnavailable: "Document reader unavailable"
        case .timedOut: "Document took too long to read"
        }
    }

    public var description: String {
        switch self {
        case .unsupportedType(let actual):
            "The file is \(actual). Upload the resume as a PDF, a Word document (.docx), plain text or Markdown."
        case .mismatchedType(let declared, let actual):
            "The file is named as \(declared) but its content is \(actual). Upload the original file, or save it again in the format its name says."
        case .noText(.some(.pdf)):
            "The PDF contains no text; it may be a scanned image. Upload a PDF exported from a word processor, or a Word document."
        case .noText(let kind):
            "The file contains no text\(kind.map { " (\($0))" } ?? "")."
        case .tooLarge(_, let limit):
            "The file is larger than \(Self.megabytes(limit)), the most a resume can be."
        case .zipBomb(let reason):
            "The file was refused without unpacking it: \(reason)."
        case .corrupt(let reason):
            "The file could not be read: \(reason)."
        case .extractorUnavailable(let tool, let hint):
            "This server cannot read this kind of file right now: \(tool) is not installed (\(hint))."
        case .timedOut(let tool, let limit):
            "Reading the file took longer than \(Self.seconds(limit)) and was stopped (\(tool))."
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return attoseconds == 0 ? "\(seconds) seconds" : "\(Double(seconds) + Double(attoseconds) / 1e18) seconds"
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 1_048_576 * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10)) MB" : "\(tenths / 10) MB"
    }
}

import Foundation

/// The one entry point for an upload: refuses it above `maximumBytes`, detects its kind from its
/// bytes, name and content type (`DocumentKind.detect`), and hands it to that kind's extractor.
public struct DocumentTextExtractors: Sendable {
    public static let defaultMaximumBytes = 5 * 1_048_576

    public var maximumBytes: Int
    private var extractors: [DocumentKind: any DocumentTextExtractor]

    public init(
        pdf: any DocumentTextExtractor = PDFTextExtractor(),
        docx: any DocumentTextExtractor = DOCXTextExtractor(),
        plainText: any DocumentTextExtractor = PlainTextExtractor(kind: .plainText),
        markdown: any DocumentTextExtractor = PlainTextExtractor(kind: .markdown),
        maximumBytes: Int = defaultMaximumBytes
    ) {
        self.extractors = [.pdf: pdf, .docx: docx, .plainText: plainText, .markdown: markdown]
        self.maximumBytes = maximumBytes
    }

    public func extractor(for kind: DocumentKind) -> any DocumentTextExtractor {
        extractors[kind]!  // every kind is set in init
    }

    /// The upload's text. Errors are `DocumentExtractionError`s (and `CancellationError`).
    public func text(of data: Data, fileName: String? = nil, contentType: String? = nil) async throws -> ExtractedDocument {
        guard data.count <= maximumBytes else {
            throw DocumentExtractionError.tooLarge(byteCount: data.count, limit: maximumBytes)
        }
        let kind = try DocumentKind.detect(in: data, fileName: fileName, contentType: contentType)
        return try await extractor(for: kind).text(of: data)
    }
}

import Foundation

/// Reads .txt and .md uploads (see `PlainTextDecoder` for the encodings). Markdown keeps its markup:
/// what reads it next needs the words, and `#` or `-` in front of a line tells it something too.
public struct PlainTextExtractor: DocumentTextExtractor {
    public let kind: DocumentKind

    public init(kind: DocumentKind = .plainText) {
        precondition(kind.isText, "PlainTextExtractor reads text kinds only")
        self.kind = kind
    }

    public func text(of data: Data) async throws -> ExtractedDocument {
        switch PlainTextDecoder.decode(data) {
        case .success(let text):
            return try ExtractedDocument(kind: kind, extractedText: text)
        case .failure(let failure):
            throw DocumentExtractionError.mismatchedType(declared: kind, actual: .binary(reason: failure.description))
        }
    }
}

import Foundation

/// Reads the text out of one kind of document. `DocumentTextExtractors` picks one by the detected
/// kind; an extractor trusts that choice and reports anything else it finds as `corrupt`.
///
/// Errors thrown are `DocumentExtractionError`s. Asynchronous because reading a PDF runs a tool.
public protocol DocumentTextExtractor: Sendable {
    func text(of data: Data) async throws -> ExtractedDocument
}

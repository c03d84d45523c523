import Foundation

/// Reads the body text of a Word document (.docx): the paragraphs of `word/document.xml`, one line
/// each. Headers, footers, footnotes and comments are left out; a resume says what matters in its body.
///
/// The archive is an upload, so it is treated as hostile: its directory is checked against `limits`
/// before anything is inflated (see `DOCXTextExtractor+Archive.swift`).
public struct DOCXTextExtractor: DocumentTextExtractor {
    /// The main document part. Word always writes it here (the package relationships could name
    /// another part, but no producer Wayfinder has met does that).
    static let bodyPath = "word/document.xml"

    public var limits: Limits

    public init(limits: Limits = .standard) {
        self.limits = limits
    }

    public func text(of data: Data) async throws -> ExtractedDocument {
        let body = try bodyXML(of: data)
        return try ExtractedDocument(kind: .docx, extractedText: WordBodyText.read(body))
    }
}

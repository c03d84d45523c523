/// The text of an uploaded document: one line per paragraph, line breaks kept, whitespace tidied
/// (see `ExtractedDocument.tidy(_:)`), so every kind reads the same to whatever parses it next.
public struct ExtractedDocument: Sendable, Hashable {
    public var kind: DocumentKind
    public var text: String
    /// Pages as the PDF has them; nil for kinds without fixed pages.
    public var pageCount: Int?

    public init(kind: DocumentKind, text: String, pageCount: Int? = nil) {
        self.kind = kind
        self.text = text
        self.pageCount = pageCount
    }

    /// Tidies what an extractor produced, and refuses a document with no letter or digit in it.
    init(kind: DocumentKind, extractedText: String, pageCount: Int? = nil) throws {
        let text = Self.tidy(extractedText)
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            throw DocumentExtractionError.noText(kind)
        }
        self.init(kind: kind, text: text, pageCount: pageCount)
    }
}

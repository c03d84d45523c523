/// The kinds of resume file Wayfinder reads text from.
///
/// What a file claims to be (its name, its declared content type) and what its bytes are can differ;
/// `DocumentKind.detect(in:fileName:contentType:)` settles it from the bytes and rejects a mismatch.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case pdf
    case docx
    case plainText = "plain_text"
    case markdown

    public var description: String {
        switch self {
        case .pdf: "a PDF"
        case .docx: "a Word document (.docx)"
        case .plainText: "plain text"
        case .markdown: "Markdown"
        }
    }

    /// Lower-case extensions, without the dot, that claim this kind.
    public var fileExtensions: [String] {
        switch self {
        case .pdf: ["pdf"]
        case .docx: ["docx"]
        case .plainText: ["txt", "text"]
        case .markdown: ["md", "markdown"]
        }
    }

    /// Media types that claim this kind; the first is the one to send back.
    public var contentTypes: [String] {
        switch self {
        case .pdf: ["application/pdf", "application/x-pdf"]
        case .docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
        case .plainText: ["text/plain"]
        case .markdown: ["text/markdown", "text/x-markdown"]
        }
    }

    public var isText: Bool { self == .plainText || self == .markdown }

    /// The kind a file name's extension claims; nil when it has none or one Wayfinder does not read.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        let fileExtension = fileName[fileName.index(after: dot)...].lowercased()
        guard let kind = Self.allCases.first(where: { $0.fileExtensions.contains(fileExtension) }) else { return nil }
        self = kind
    }

    /// The kind a declared media type claims, ignoring parameters such as `charset`. Generic types
    /// (`application/octet-stream`, which browsers send when they do not know) claim nothing.
    public init?(contentType: String) {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let kind = Self.allCases.first(where: { $0.contentTypes.contains(mediaType) }) else { return nil }
        self = kind
    }

    /// What an upload claims to be. The extension wins over the content type: browsers derive the
    /// type from the extension anyway, and often send `text/plain` for a `.md` file.
    public static func declared(fileName: String?, contentType: String?) -> DocumentKind? {
        fileName.flatMap(DocumentKind.init(fileName:)) ?? contentType.flatMap(DocumentKind.init(contentType:))
    }
}

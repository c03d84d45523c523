import Foundation

extension DocumentKind {
    /// The kind to read `data` as: what the bytes are, provided the name and content type claim the
    /// same (or nothing). Text may be claimed as either plain text or Markdown; the claim picks which.
    ///
    /// Throws `DocumentExtractionError.noText` for an empty file, `.mismatchedType` when the claim and
    /// the bytes disagree, `.unsupportedType` when nothing is claimed and the bytes are not readable,
    /// and `.corrupt` for a `.docx` that starts like a ZIP archive but is damaged.
    public static func detect(in data: Data, fileName: String? = nil, contentType: String? = nil) throws -> DocumentKind {
        let declared = declared(fileName: fileName, contentType: contentType)
        guard !data.isEmpty else { throw DocumentExtractionError.noText(declared) }
        let actual = DetectedFormat(sniffing: data)
        switch (declared, actual.documentKind) {
        case (nil, let kind?):
            return kind
        case (let declared?, let kind?) where declared == kind || (declared.isText && kind.isText):
            return declared
        case (.docx, _) where actual == .damagedZIPArchive:
            throw DocumentExtractionError.corrupt("it is not a readable ZIP archive, which every .docx file is")
        case (let declared?, _):
            throw DocumentExtractionError.mismatchedType(declared: declared, actual: actual)
        case (nil, nil):
            throw DocumentExtractionError.unsupportedType(actual)
        }
    }
}

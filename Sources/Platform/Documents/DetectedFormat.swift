import Foundation
import ZIPFoundation

/// What an upload's bytes turn out to be, whatever its name says. Only `pdf`, `wordDocument` and
/// `text` can become a `DocumentKind`; the other cases exist to tell the uploader what they sent.
public enum DetectedFormat: Sendable, Hashable, CustomStringConvertible {
    case pdf
    /// A ZIP archive holding `word/document.xml`.
    case wordDocument
    /// A readable ZIP archive without `word/document.xml` (an .odt, .pages or .xlsx file, a plain zip).
    case zipArchive
    /// Starts like a ZIP archive but ZIPFoundation cannot read its directory.
    case damagedZIPArchive
    /// An OLE compound file: a Word 97–2003 .doc, another old Office file, or a password-protected
    /// .docx (Office wraps the encrypted package in one).
    case legacyOfficeDocument
    case richText
    /// An image format, named ("PNG", "JPEG", ...).
    case image(String)
    /// UTF-8, UTF-16 with a byte-order mark, or Windows-1252 text.
    case text
    /// Anything else, with what gave it away ("contains NUL bytes").
    case binary(reason: String)

    public var description: String {
        switch self {
        case .pdf: "a PDF"
        case .wordDocument: "a Word document (.docx)"
        case .zipArchive: "a ZIP archive without word/document.xml, so not a Word document"
        case .damagedZIPArchive: "a damaged ZIP archive"
        case .legacyOfficeDocument: "a Word 97–2003 (.doc) file or a password-protected Office document"
        case .richText: "a rich text (.rtf) file"
        case .image(let name): "a \(name) image"
        case .text: "text"
        case .binary(let reason): "binary data (it \(reason))"
        }
    }

    /// The document kind these bytes can be read as, if any; text defaults to plain text.
    public var documentKind: DocumentKind? {
        switch self {
        case .pdf: .pdf
        case .wordDocument: .docx
        case .text: .plainText
        default: nil
        }
    }

    /// Sniffs the leading bytes; a ZIP archive's directory is read (not inflated) to look for the Word body.
    public init(sniffing data: Data) {
        let head = [UInt8](data.prefix(16))
        if head.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = Self.sniffZIP(data)
        } else if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .legacyOfficeDocument
        } else if head.starts(with: Array("{\\rtf".utf8)) {
            self = .richText
        } else if let image = Self.imageName(head) {
            self = .image(image)
        } else {
            switch PlainTextDecoder.decode(data) {
            case .success: self = .text
            case .failure(let failure): self = .binary(reason: failure.description)
            }
        }
    }

    static func sniffZIP(_ data: Data) -> DetectedFormat {
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return .damagedZIPArchive }
        // A bounded look: a directory claiming more entries than this is the extractor's to reject.
        for entry in archive.prefix(DOCXTextExtractor.Limits.standard.maximumEntryCount + 1)
        where entry.path == DOCXTextExtractor.bodyPath {
            return .wordDocument
        }
        return .zipArchive
    }

    static func imageName(_ head: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            ("JPEG", [0xFF, 0xD8, 0xFF]),
            ("GIF", Array("GIF8".utf8)),
            ("TIFF", [0x49, 0x49, 0x2A, 0x00]),
            ("TIFF", [0x4D, 0x4D, 0x00, 0x2A]),
        ]
        for (name, signature) in signatures where head.starts(with: signature) { return name }
        // "BM" alone could start a sentence; a bitmap's reserved header bytes are zero, text has none.
        if head.count >= 10, head.starts(with: Array("BM".utf8)), head[6..<10].allSatisfy({ $0 == 0 }) { return "BMP" }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { return "WebP" }
        if head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "mif1", "avif"].contains(brand) { return brand == "avif" ? "AVIF" : "HEIC" }
        }
        return nil
    }
}

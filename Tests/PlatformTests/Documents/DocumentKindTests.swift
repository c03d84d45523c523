import Foundation
import Platform
import Testing

@Suite("Telling what kind of document an upload is")
struct DocumentKindTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]) + Data("IHDR".utf8)
    static let pdf = HandmadePDF.document(HandmadePDF.resume)
    static let text = Data("Jane Doe\nSoftware engineer\n".utf8)

    @Test("a name's extension and a content type each claim a kind; generic types and unknown extensions claim none")
    func claims() {
        #expect(DocumentKind(fileName: "Resume.PDF") == .pdf)
        #expect(DocumentKind(fileName: "cv.final.docx") == .docx)
        #expect(DocumentKind(fileName: "notes.markdown") == .markdown)
        #expect(DocumentKind(fileName: "resume.doc") == nil)
        #expect(DocumentKind(fileName: ".txt") == nil, "a dot file has no extension")
        #expect(DocumentKind(fileName: "README") == nil)
        #expect(DocumentKind(contentType: "text/plain; charset=utf-8") == .plainText)
        #expect(DocumentKind(contentType: "Application/PDF") == .pdf)
        #expect(DocumentKind(contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document") == .docx)
        #expect(DocumentKind(contentType: "application/octet-stream") == nil)
        #expect(DocumentKind.declared(fileName: "resume.md", contentType: "text/plain") == .markdown, "the extension wins")
        #expect(DocumentKind.declared(fileName: "resume", contentType: "application/pdf") == .pdf)
    }

    @Test("the bytes decide, when the claim agrees or there is none")
    func detectsFromBytes() throws {
        let docx = try DOCXFixture.resume()
        #expect(try DocumentKind.detect(in: Self.pdf, fileName: "resume.pdf", contentType: "application/pdf") == .pdf)
        #expect(try DocumentKind.detect(in: Self.pdf) == .pdf)
        #expect(try DocumentKind.detect(in: docx, fileName: "resume.docx") == .docx)
        #expect(try DocumentKind.detect(in: docx, contentType: "application/octet-stream") == .docx)
        #expect(try DocumentKind.detect(in: Self.text) == .plainText)
        #expect(try DocumentKind.detect(in: Self.text, fileName: "resume.md", contentType: "text/plain") == .markdown)
        #expect(try DocumentKind.detect(in: Self.text, fileName: "resume.txt", contentType: "text/markdown") == .plainText)
    }

    @Test("bytes that are not what the name or content type claims are refused, naming both")
    func mismatches() throws {
        let zip = try DOCXFixture.zip([("photo.txt", Data("not a word document".utf8))])
        let legacyWord = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .pdf, actual: .image("PNG"))) {
            try DocumentKind.detect(in: Self.png, fileName: "resume.pdf")
        }
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .pdf, actual: .zipArchive)) {
            try DocumentKind.detect(in: zip, fileName: "resume.pdf")
        }
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .docx, actual: .zipArchive)) {
            try DocumentKind.detect(in: zip, fileName: "resume.docx")
        }
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .docx, actual: .text)) {
            try DocumentKind.detect(in: Self.text, fileName: "resume.docx")
        }
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .docx, actual: .legacyOfficeDocument)) {
            try DocumentKind.detect(in: legacyWord, fileName: "resume.docx")
        }
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .plainText, actual: .pdf)) {
            try DocumentKind.detect(in: Self.pdf, fileName: "resume.txt", contentType: "text/plain")
        }
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .pdf, actual: .text)) {
            try DocumentKind.detect(in: Self.text, contentType: "application/pdf")
        }
        #expect(throws: DocumentExtractionError.mismatchedType(declared: .plainText, actual: .binary(reason: "contains NUL bytes"))) {
            try DocumentKind.detect(in: Data("Jane\u{0}Doe".utf8), fileName: "resume.txt")
        }
        let error = try #require(throws: DocumentExtractionError.self) { try DocumentKind.detect(in: Self.png, fileName: "resume.pdf") }
        #expect(error.description == "The file is named as a PDF but its content is a PNG image. Upload the original file, or save it again in the format its name says.")
    }

    @Test("bytes of no readable kind, claimed as nothing, are an unsupported type; an empty file has no text")
    func unsupported() throws {
        #expect(throws: DocumentExtractionError.unsupportedType(.image("PNG"))) { try DocumentKind.detect(in: Self.png) }
        #expect(throws: DocumentExtractionError.unsupportedType(.image("JPEG"))) {
            try DocumentKind.detect(in: Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]), fileName: "scan.jpg")
        }
        #expect(throws: DocumentExtractionError.unsupportedType(.richText)) {
            try DocumentKind.detect(in: Data("{\\rtf1\\ansi Jane Doe}".utf8), fileName: "resume.rtf")
        }
        #expect(throws: DocumentExtractionError.noText(.pdf)) { try DocumentKind.detect(in: Data(), fileName: "resume.pdf") }
        #expect(throws: DocumentExtractionError.noText(nil)) { try DocumentKind.detect(in: Data()) }
    }

    @Test("a .docx that starts like a ZIP archive but is damaged is corrupt, not another type")
    func damagedZIP() throws {
        let damaged = Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0x41, count: 200)
        #expect(DetectedFormat(sniffing: damaged) == .damagedZIPArchive)
        #expect(throws: DocumentExtractionError.corrupt("it is not a readable ZIP archive, which every .docx file is")) {
            try DocumentKind.detect(in: damaged, fileName: "resume.docx")
        }
    }

    @Test("text that merely starts with BM is text, not a bitmap")
    func bitmapSignatureNeedsItsHeader() {
        #expect(DetectedFormat(sniffing: Data("BMW Group, Munich\n".utf8)) == .text)
        #expect(DetectedFormat(sniffing: Data([0x42, 0x4D, 0x36, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00])) == .image("BMP"))
    }
}

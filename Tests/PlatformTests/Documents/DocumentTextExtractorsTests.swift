import Foundation
import Platform
import Testing

@Suite("Picking the extractor for an upload")
struct DocumentTextExtractorsTests {
    /// Stands in for an extractor and says which one was asked.
    struct Named: DocumentTextExtractor {
        var kind: DocumentKind
        func text(of data: Data) async throws -> ExtractedDocument {
            ExtractedDocument(kind: kind, text: "read by the \(kind.rawValue) extractor")
        }
    }

    let named = DocumentTextExtractors(
        pdf: Named(kind: .pdf), docx: Named(kind: .docx), plainText: Named(kind: .plainText), markdown: Named(kind: .markdown))

    @Test("the detected kind picks the extractor")
    func dispatches() async throws {
        #expect(try await named.text(of: HandmadePDF.document(HandmadePDF.resume), fileName: "cv.pdf").text == "read by the pdf extractor")
        #expect(try await named.text(of: DOCXFixture.resume(), fileName: "cv.docx").text == "read by the docx extractor")
        #expect(try await named.text(of: Data("Jane".utf8), fileName: "cv.txt").text == "read by the plain_text extractor")
        #expect(try await named.text(of: Data("# Jane".utf8), contentType: "text/markdown").text == "read by the markdown extractor")
        #expect(try await named.text(of: Data("Jane".utf8)).text == "read by the plain_text extractor", "text claimed as nothing is plain text")
    }

    @Test("an upload over the limit is refused before anything looks at it; the limit is 5 MB")
    func tooLarge() async throws {
        #expect(DocumentTextExtractors.defaultMaximumBytes == 5 * 1_048_576)
        let oversized = Data(repeating: 0x61, count: DocumentTextExtractors.defaultMaximumBytes + 1)
        let error = try await #require(throws: DocumentExtractionError.self) { try await named.text(of: oversized, fileName: "cv.pdf") }
        #expect(error == .tooLarge(byteCount: DocumentTextExtractors.defaultMaximumBytes + 1, limit: DocumentTextExtractors.defaultMaximumBytes))
        #expect(error.description == "The file is larger than 5 MB, the most a resume can be.")
        #expect(try await named.text(of: Data(repeating: 0x61, count: DocumentTextExtractors.defaultMaximumBytes)).kind == .plainText)
    }

    @Test("a mismatch is refused before any extractor runs")
    func mismatch() async throws {
        await #expect(throws: DocumentExtractionError.mismatchedType(declared: .pdf, actual: .image("PNG"))) {
            try await named.text(of: DocumentKindTests.png, fileName: "cv.pdf", contentType: "application/pdf")
        }
    }

    @Test("the real extractors, end to end, for the kinds that need no tool")
    func endToEnd() async throws {
        let extractors = DocumentTextExtractors()
        #expect(try await extractors.text(of: DOCXFixture.resume(), fileName: "Jane Doe.docx").text == DOCXFixture.resumeText)
        let markdown = try await extractors.text(of: Data("# Jane Doe\r\n\r\n\r\nSwift".utf8), fileName: "cv.md")
        #expect(markdown == ExtractedDocument(kind: .markdown, text: "# Jane Doe\n\nSwift"))
    }
}

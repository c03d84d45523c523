import Foundation
import Platform
import Testing

@Suite("Reading Word (.docx) resumes")
struct DOCXTextExtractorTests {
    let extractor = DOCXTextExtractor()

    @Test("a resume's body: one line per paragraph, tabs and breaks kept, deletions, field codes and the text box's fallback copy left out")
    func resume() async throws {
        let document = try await extractor.text(of: DOCXFixture.resume())
        #expect(document.kind == .docx)
        #expect(document.pageCount == nil)
        #expect(document.text == DOCXFixture.resumeText)
        #expect(!document.text.contains("Java 8"), "deleted text is not the resume's")
        #expect(!document.text.contains("HYPERLINK"), "field codes are not text")
    }

    @Test("Strict Open XML uses another namespace for the same elements")
    func strictNamespace() async throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>\
            <w:p><w:r><w:t>Jane Doe</w:t><w:tab/><w:t>Engineer</w:t></w:r></w:p></w:body></w:document>
            """
        let docx = try DOCXFixture.zip([("word/document.xml", Data(xml.utf8))])
        #expect(try await extractor.text(of: docx).text == "Jane Doe\tEngineer")
    }

    @Test("a document with only empty paragraphs and a deleted run has no text")
    func noText() async throws {
        let docx = try DOCXFixture.docx(body: "<w:p/><w:p><w:del w:id=\"1\" w:author=\"J\"><w:r><w:delText>Jane</w:delText></w:r></w:del></w:p>")
        await #expect(throws: DocumentExtractionError.noText(.docx)) { try await extractor.text(of: docx) }
    }

    @Test("a .docx that is not a ZIP archive, or a ZIP archive without the Word body, is refused")
    func notWord() async throws {
        await #expect(throws: DocumentExtractionError.corrupt("it is not a readable ZIP archive, which every .docx file is")) {
            try await extractor.text(of: Data("Jane Doe, engineer".utf8))
        }
        let zip = try DOCXFixture.zip([("content.xml", Data("<office:document/>".utf8))])
        await #expect(throws: DocumentExtractionError.mismatchedType(declared: .docx, actual: .zipArchive)) {
            try await extractor.text(of: zip)
        }
    }

    @Test("a body that is not well-formed XML, or that declares a DTD (the door to entity bombs), is corrupt")
    func badXML() async throws {
        let broken = try DOCXFixture.zip([("word/document.xml", Data("<w:document><w:body><w:p>".utf8))])
        let error = try await #require(throws: DocumentExtractionError.self) { try await extractor.text(of: broken) }
        guard case .corrupt(let reason) = error else { Issue.record("\(error)"); return }
        #expect(reason.hasPrefix("word/document.xml is not well-formed XML"))

        let laughs = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        let withDTD = try DOCXFixture.zip([("word/document.xml", Data(laughs.utf8))])
        await #expect(throws: DocumentExtractionError.corrupt("word/document.xml declares a DTD, which Word documents never do")) {
            try await extractor.text(of: withDTD)
        }
    }
}

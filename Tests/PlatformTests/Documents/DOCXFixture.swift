import Foundation
import Testing
import ZIPFoundation

/// Builds .docx files in memory with ZIPFoundation: a realistic resume, and the hostile variants
/// the extractor must refuse.
enum DOCXFixture {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"
        """

    /// A document.xml around `body` (the children of `w:body`).
    static func documentXML(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(namespaces)><w:body>\(body)<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>
        """
    }

    /// A resume as Word writes one: styles, a right-aligned tab stop, list items, a tracked change,
    /// split runs, a line break, a field, a table and a text box (with its VML fallback copy).
    static let resumeBody = """
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Jane Q. Doe</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">jane@example.com  |  </w:t></w:r><w:hyperlink r:id="rId5"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>github.com/janedoe</w:t></w:r></w:hyperlink></w:p>
        <w:p/>
        <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Experience</w:t></w:r></w:p>
        <w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Senior Software Engineer, Acme Corp</w:t></w:r><w:r><w:tab/><w:t>2019 – 2024</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Led the migration of the billing service to </w:t></w:r><w:del w:id="1" w:author="Jane" w:date="2024-01-02T00:00:00Z"><w:r><w:delText>Java 8</w:delText></w:r></w:del><w:ins w:id="2" w:author="Jane" w:date="2024-01-02T00:00:00Z"><w:r><w:t>Swift on Linux</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Cut p99 latency by </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>40%</w:t></w:r><w:r><w:t xml:space="preserve"> (250 ms → 150 ms).</w:t></w:r></w:p>
        <w:p><w:r><w:t>Lisbon office</w:t></w:r><w:r><w:br/><w:t>Remote since 2022</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Portfolio: </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://jane.example" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>jane.example</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Skills</w:t></w:r></w:p>
        <w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>Swift</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>PostgreSQL</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Open to relocation</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Open to relocation</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
        """

    static let resumeText = """
        Jane Q. Doe
        jane@example.com | github.com/janedoe

        Experience
        Senior Software Engineer, Acme Corp\t2019 – 2024
        Led the migration of the billing service to Swift on Linux.
        Cut p99 latency by 40% (250 ms → 150 ms).
        Lisbon office
        Remote since 2022
        Portfolio: jane.example
        Skills
        Swift
        PostgreSQL
        Open to relocation
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """

    static func resume() throws -> Data {
        try docx(body: resumeBody)
    }

    /// A package with the usual parts, `body` as the document, and any `extra` entries.
    static func docx(body: String, extra: [(path: String, data: Data)] = []) throws -> Data {
        try zip([
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("word/document.xml", Data(documentXML(body).utf8)),
        ] + extra)
    }

    /// A ZIP archive with these entries, deflated.
    static func zip(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}

import Platform
import Testing

@Suite("Tidying extracted text")
struct ExtractedDocumentTidyingTests {
    @Test("line endings, page breaks and Unicode separators become newlines")
    func lineEndings() {
        #expect(ExtractedDocument.tidy("a\r\nb\rc\nd\u{0C}e\u{2028}f") == "a\nb\nc\nd\ne\nf")
    }

    @Test("a gap with a tab or three spaces is a column break; other runs of spaces are one space")
    func gaps() {
        #expect(ExtractedDocument.tidy("Engineer      2019 – 2024") == "Engineer\t2019 – 2024")
        #expect(ExtractedDocument.tidy("Engineer \t\t 2019") == "Engineer\t2019")
        #expect(ExtractedDocument.tidy("Jane  Q.\u{A0}Doe") == "Jane Q. Doe")
    }

    @Test("lines are trimmed, blank lines collapse to one and none start or end the text")
    func blankLines() {
        #expect(ExtractedDocument.tidy("\n\n   Jane  \n \t \n\n\nSkills\t\n\n") == "Jane\n\nSkills")
    }

    @Test("invisible characters and stray controls go")
    func invisibles() {
        #expect(ExtractedDocument.tidy("\u{FEFF}Ré\u{AD}sumé\u{200B}\u{7}") == "Résumé")
        #expect(ExtractedDocument.tidy("👩‍💻 Jane") == "👩‍💻 Jane", "a zero-width joiner inside an emoji stays")
    }
}

import Foundation
import Platform
import Testing

@Suite("Reading plain-text and Markdown resumes")
struct PlainTextExtractorTests {
    static let expected = "Jane Doe — résumé\n“Senior” engineer, 5 years\t€ 90k"
    static let source = "Jane Doe — résumé\r\n“Senior” engineer, 5 years    € 90k\r\n"

    func read(_ data: Data, kind: DocumentKind = .plainText) async throws -> ExtractedDocument {
        try await PlainTextExtractor(kind: kind).text(of: data)
    }

    @Test("UTF-8 with and without a byte-order mark; CRLF becomes LF")
    func utf8() async throws {
        #expect(try await read(Data(Self.source.utf8)).text == Self.expected)
        #expect(try await read(Data([0xEF, 0xBB, 0xBF]) + Data(Self.source.utf8)).text == Self.expected)
        #expect(try await read(Data(Self.source.utf8)) == ExtractedDocument(kind: .plainText, text: Self.expected))
    }

    @Test("UTF-16 in either byte order, with its byte-order mark")
    func utf16() async throws {
        let units = Array(Self.source.utf16)
        let little = Data([0xFF, 0xFE]) + Data(units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let big = Data([0xFE, 0xFF]) + Data(units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(try await read(little).text == Self.expected)
        #expect(try await read(big).text == Self.expected)
        await #expect(throws: DocumentExtractionError.mismatchedType(declared: .plainText, actual: .binary(reason: "starts with a UTF-16 byte-order mark but is not valid UTF-16"))) {
            try await read(little.dropLast())
        }
    }

    @Test("Windows-1252 when the bytes are not UTF-8: curly quotes, dashes, the euro sign, Latin-1 letters")
    func windows1252() async throws {
        // “Senior” – résumé € in Windows-1252, with a lone CR line ending from an old Mac.
        let parts: [[UInt8]] = [[0x93], Array("Senior".utf8), [0x94, 0x20, 0x96, 0x20, 0x72, 0xE9], Array("sum".utf8), [0xE9, 0x0D, 0x80, 0x20], Array("90k".utf8)]
        let bytes = Data(parts.joined())
        #expect(try await read(bytes).text == "“Senior” – résumé\n€ 90k")
    }

    @Test("bytes that are no text in any of those encodings are refused with the reason")
    func notText() async throws {
        // 0x81 is undefined in Windows-1252, and C3 28 is not UTF-8.
        await #expect(throws: DocumentExtractionError.mismatchedType(declared: .plainText, actual: .binary(reason: "is not UTF-8, UTF-16 or Windows-1252 text"))) {
            try await read(Data([0x4A, 0x61, 0x6E, 0x65, 0x81, 0xC3, 0x28]))
        }
        await #expect(throws: DocumentExtractionError.mismatchedType(declared: .markdown, actual: .binary(reason: "contains NUL bytes"))) {
            try await read(Data("# Jane\0Doe".utf8), kind: .markdown)
        }
        await #expect(throws: DocumentExtractionError.mismatchedType(declared: .plainText, actual: .binary(reason: "contains control characters that text files do not"))) {
            try await read(Data((0..<400).map { UInt8(1 + $0 % 8) }))
        }
        await #expect(throws: DocumentExtractionError.noText(.plainText)) { try await read(Data(" \r\n\t \n".utf8)) }
    }

    @Test("Markdown keeps its markup and reports its kind")
    func markdown() async throws {
        let document = try await read(Data("# Jane Doe\n\n## Skills\n\n- Swift\n- **PostgreSQL**\n".utf8), kind: .markdown)
        #expect(document == ExtractedDocument(kind: .markdown, text: "# Jane Doe\n\n## Skills\n\n- Swift\n- **PostgreSQL**"))
    }
}

import Foundation
import Platform
import Testing

@Suite("Refusing .docx zip bombs before inflating them")
struct DOCXZipBombTests {
    let extractor = DOCXTextExtractor()

    @Test("an entry that would expand more than 100 times (12 MB of zeros in a few kilobytes)")
    func compressionRatio() async throws {
        let docx = try DOCXFixture.docx(body: "<w:p><w:r><w:t>Jane</w:t></w:r></w:p>", extra: [("word/media/image1.png", Data(count: 12 * 1_048_576))])
        #expect(docx.count < 100_000)
        let error = try await #require(throws: DocumentExtractionError.self) { try await extractor.text(of: docx) }
        guard case .zipBomb(let reason) = error else { Issue.record("\(error)"); return }
        #expect(reason.hasPrefix("word/media/image1.png would expand"), "\(reason)")
        #expect(error.title == "Compressed file refused")
    }

    @Test("declared sizes that add up past the limit, each entry compressing modestly")
    func totalSize() async throws {
        // Four entries of 40 KB that barely compress, against a 100 KB limit.
        let modest = Data((0..<40_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) & 0x3F | 0x40 })
        let extra = (1...4).map { (path: "word/media/part\($0).bin", data: modest) }
        let docx = try DOCXFixture.docx(body: "<w:p><w:r><w:t>Jane</w:t></w:r></w:p>", extra: extra)
        let small = DOCXTextExtractor(limits: .init(maximumTotalUncompressedBytes: 100_000))
        await #expect(throws: DocumentExtractionError.zipBomb("its files would unpack to more than 100000 bytes")) {
            try await small.text(of: docx)
        }
        #expect(try await extractor.text(of: docx).text == "Jane", "the standard limits accept it")
    }

    @Test("more than 2,000 entries")
    func entryCount() async throws {
        let entries = (0...2_000).map { (path: "word/media/\($0).xml", data: Data("<a/>".utf8)) }
        let docx = try DOCXFixture.docx(body: "<w:p><w:r><w:t>Jane</w:t></w:r></w:p>", extra: entries)
        await #expect(throws: DocumentExtractionError.zipBomb("the archive holds more than 2000 files")) {
            try await extractor.text(of: docx)
        }
    }

    @Test("a body that inflates past the size it declares is stopped there")
    func lyingDeclaredSize() async throws {
        let paragraphs = String(repeating: "<w:p><w:r><w:t>Jane Doe, engineer</w:t></w:r></w:p>", count: 40_000)
        let honest = try DOCXFixture.docx(body: paragraphs)
        let lying = try ZIPHeaderPatch.declareUncompressedSize(1_000, of: "word/document.xml", in: honest)
        await #expect(throws: DocumentExtractionError.zipBomb("word/document.xml unpacks to more than the 1000 bytes it declares")) {
            try await extractor.text(of: lying)
        }
    }

    @Test("a deflate stream that never ends is corrupt, not a hang", .timeLimit(.minutes(1)))
    func unterminatedStream() async throws {
        let docx = try ZIPHeaderPatch.unterminatedDeflateStream(of: "word/document.xml", in: DOCXFixture.resume())
        await #expect(throws: DocumentExtractionError.corrupt("word/document.xml is damaged or cut short")) {
            try await extractor.text(of: docx)
        }
    }
}

import Testing
@testable import CareerAgent

/// The reading's word lists, asked about spans of a text's bytes.
@Suite struct ByteWordSetTests {
    private let text = Array("However, Acme Inc. uses SQL but not INC or inc".utf8)

    /// The byte range of the first occurrence of `word` in `text`.
    private func span(_ word: String) -> (Int, Int) {
        let needle = Array(word.utf8)
        let start = (0...(text.count - needle.count)).first { Array(text[$0..<($0 + needle.count)]) == needle }!
        return (start, start + needle.count)
    }

    @Test("a word list that ignores case matches any capitalisation, and only whole spans of the same length")
    func ignoringCase() {
        let contrast = ByteWordSet(["but", "however"])
        let (start, end) = span("However")
        #expect(contrast.contains(text, from: start, to: end))
        #expect(!contrast.contains(text, from: start, to: end - 1))
        let (butStart, butEnd) = span("but")
        #expect(contrast.contains(text, from: butStart, to: butEnd))
        let (usesStart, usesEnd) = span("uses")
        #expect(!contrast.contains(text, from: usesStart, to: usesEnd))
        #expect(!contrast.contains(text, from: 3, to: 3))
    }

    @Test("a word list that keeps case matches the word only as written")
    func keepingCase() {
        let suffixes = ByteWordSet(["Inc"], ignoringCase: false)
        let (start, end) = span("Inc")
        #expect(suffixes.contains(text, from: start, to: end))
        let (upperStart, upperEnd) = span("INC")
        #expect(!suffixes.contains(text, from: upperStart, to: upperEnd))
        let (lowerStart, lowerEnd) = span("inc")
        #expect(!suffixes.contains(text, from: lowerStart, to: lowerEnd))
    }

    @Test("a byte sequence is found within a range, multi-byte characters included, and not past its ends")
    func containsWithin() {
        let title = Array("Data Analyst – Insights | Remote".utf8)
        let dash = Array("–".utf8)
        #expect(title.contains(dash, within: 0..<title.count))
        #expect(!title.contains(dash, within: 0..<13))
        #expect(title.contains(Array(" | ".utf8), within: 20..<title.count))
        #expect(!title.contains(Array("|".utf8), within: 0..<20))
        #expect(!title.contains([], within: 0..<title.count))
    }
}

@testable import AccessGovernance
import Foundation
import Testing

@Suite("Name keys and similarity")
struct SimilarityRatioTests {
    @Test("the ratio is difflib's on 300 pairs computed by Python")
    func matchesDifflib() throws {
        let url = try #require(Bundle.module.url(forResource: "difflib-ratios", withExtension: "tsv", subdirectory: "Fixtures"))
        var compared = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let expected = try #require(Double(fields[2]))
            #expect(abs(SimilarityRatio.of(fields[0], fields[1]) - expected) < 1e-12, "\(fields[0]) / \(fields[1])")
            compared += 1
        }
        #expect(compared == 300)
    }

    @Test("names compare without case, accents, punctuation or spacing")
    func keys() {
        #expect(NameKey.of("Read-Only") == "readonly")
        #expect(NameKey.of("read only") == NameKey.of("READONLY"))
        #expect(NameKey.of("Chloé") == "chloe")
        #expect(NameKey.of("O'Neil, Sam") == "oneilsam")
    }

    @Test("a Cyrillic letter stays Cyrillic, so a homoglyph never equals the Latin name")
    func homoglyphs() {
        #expect(NameKey.of("\u{041E}kta") != NameKey.of("Okta"))
        #expect(abs(SimilarityRatio.of(NameKey.of("\u{041E}kta"), "okta") - 0.75) < 1e-12)
    }
}

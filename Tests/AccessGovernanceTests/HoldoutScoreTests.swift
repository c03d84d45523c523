@testable import AccessGovernance
import Foundation
import Testing

/// Requests written apart from the reader, against the same directory, to measure how it does on
/// phrasings it was not tuned on. The figure is reported by `wayfinder bench access`; the test keeps a floor.
@Suite("Held-out requests")
struct HoldoutScoreTests {
    @Test("at least 90% of held-out requests get exactly the expected entities, slots, decision and reasons")
    func holdout() throws {
        let url = try #require(Bundle.module.url(forResource: "requests-holdout", withExtension: "json", subdirectory: "Fixtures"))
        let cases = try JSONDecoder().decode([RequestCorpusTests.Case].self, from: Data(contentsOf: url))
        var exact = 0
        for example in cases {
            let assessment = DirectoryFixture.assess(example.text, as: example.requester)
            let problems = RequestCorpusTests.differences(assessment, example.expected)
            if problems.isEmpty { exact += 1 } else if ProcessInfo.processInfo.environment["SHOW_MISSES"] != nil {
                print("MISS \(example.requester): \(example.text)\n     \(problems.joined(separator: "\n     "))")
            }
        }
        print("held-out: \(exact)/\(cases.count) exact")
        #expect(Double(exact) >= 0.9 * Double(cases.count))
    }
}

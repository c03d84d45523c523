import Domain
import Testing
@testable import Search

/// Indexing numbers words straight from their bytes; queries and highlights analyze Strings.
/// Both must see exactly the same terms at the same positions, or matches and marks would drift.
@Suite("Term numbering")
struct TermNumberingTests {
    static let pieces = [
        "IT", "it", "the", "QA", "C++", "C#", "F#", ".NET", "ASP.NET", "Node.js", "full-stack", "e-mail", "a-n",
        "Zürich", "São", "Straße", "Ærø", "İstanbul", "naïve", "日本語", "café", "x86-64", "3D", "R", "Go",
        "managers", "managing", "engineering", "-", ".", "--", "a.b.c", "IT-support", "C++.", "ĲSSEL",
    ]

    @Test("numbered terms are the analyzer's terms, position for position", arguments: [11, 12, 13] as [UInt64])
    func sameAsAnalyzer(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let analyzer = Analyzer()
        var numbering = TermNumbering(analyzer: analyzer)
        for _ in 0..<200 {
            let text = (0..<Int(random.next() % 12)).map { _ in
                random.pick(Self.pieces) + random.pick([" ", " ", "", ", ", "-", "."])
            }.joined()
            var numbers: [Int32] = []
            var positions: [Int] = []
            numbering.forEachTerm(in: text) { number, position in
                numbers.append(number)
                positions.append(position)
            }
            let numbered = numbers.map { numbering.terms[Int($0)] }
            let analyzed = analyzer.terms(in: text)
            #expect(numbered == analyzed.map(\.term), "\(text)")
            #expect(positions == analyzed.map(\.position), "\(text)")
        }
    }
}

import Testing
@testable import Search

@Suite("Analyzer")
struct AnalyzerTests {
    let analyzer = Analyzer()

    func terms(_ text: String) -> [String] { analyzer.terms(in: text).map(\.term) }

    @Test("programming languages keep their marks")
    func languageNames() {
        #expect(terms("C++ and C# and F#") == ["c++", "c#", "f#"])
        #expect(terms("c++") == ["c++"])
        #expect(terms("C") == ["c"])
        #expect(terms("R, Go") == ["r", "go"])
    }

    @Test(".NET and node.js are indexed as parts and joined")
    func dottedNames() {
        #expect(terms(".NET") == ["net", "dotnet"])
        #expect(terms("ASP.NET") == ["asp", "net", "aspnet"])
        #expect(terms("Node.js") == ["node", "js", "nodej"])
        #expect(terms("end. Next") == ["end", "next"])
    }

    @Test("hyphenated words are indexed as parts and joined")
    func hyphens() {
        #expect(terms("full-stack") == ["full", "stack", "fullstack"])
        #expect(terms("e-mail") == ["e", "mail", "email"])
        let positions = analyzer.terms(in: "full-stack developer").map(\.position)
        #expect(positions == [0, 1, 0, 2])
    }

    @Test("case and accents fold")
    func folding() {
        #expect(terms("Zürich São Paulo MÜNCHEN Straße") == ["zurich", "sao", "paulo", "munchen", "strass"])
        #expect(terms("Crème brûlée") == ["creme", "brule"])
    }

    @Test("stop words drop but keep their position; IT in capitals is not a stop word")
    func stopWords() {
        let analyzed = analyzer.terms(in: "head of the team")
        #expect(analyzed.map(\.term) == ["head", "team"])
        #expect(analyzed.map(\.position) == [0, 3])
        #expect(terms("IT support") == ["it", "support"])
        #expect(terms("it is") == [])
        #expect(terms("QA engineer") == ["qa", "engin"])
    }

    @Test("stemming joins inflections")
    func stemming() {
        #expect(terms("engineers engineering engineer") == ["engin", "engin", "engin"])
        #expect(terms("managers managing") == ["manag", "manag"])
    }

    @Test("offsets point at the original text")
    func offsets() {
        let text = "Zürich: C++ dev"
        let bytes = Array(text.utf8)
        let words = analyzer.terms(in: text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(words == ["Zürich", "C++", "dev"])
    }

    @Test("query words become clauses with alternatives")
    func queryClauses() {
        let parser = QueryParser(analyzer: analyzer)
        let fullStack = parser.parse("full-stack")
        #expect(fullStack.required.count == 1)
        guard case .anyOf(let phrases) = fullStack.required.first else { Issue.record("expected phrases"); return }
        #expect(phrases.map { $0.terms.map(\.term) } == [["fullstack"], ["full", "stack"]])
        #expect(parser.parse(".NET").required == [.anyOf([QueryPhrase(terms: [.init(term: "dotnet", offset: 0)])])])
        let mixed = parser.parse("\"data engineer\" -python manag* the")
        #expect(mixed.required == [
            .anyOf([QueryPhrase(terms: [.init(term: "data", offset: 0), .init(term: "engin", offset: 1)])]),
            .prefix("manag"),
        ])
        #expect(mixed.excluded == [.anyOf([QueryPhrase(terms: [.init(term: "python", offset: 0)])])])
        #expect(parser.parse("a*").required == [])
        #expect(parser.parse("-").required == [.anyOf([])] || parser.parse("-").required.isEmpty)
    }
}

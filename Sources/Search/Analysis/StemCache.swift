/// Remembers the analysis of each word while a segment is built: job text repeats its vocabulary,
/// so most words are looked up instead of stemmed again.
struct StemCache {
    let analyzer: Analyzer
    private var stems: [String: String] = [:]

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    mutating func terms(in text: String) -> [AnalyzedTerm] {
        analyzer.terms(in: text) { word in
            if let known = stems[word] { return known }
            let stem = analyzer.stem(word)
            stems[word] = stem
            return stem
        }
    }
}

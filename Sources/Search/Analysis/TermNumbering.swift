/// Numbers the terms of a segment while it is built. Job text repeats its vocabulary, so each folded
/// word is stemmed once and from then on costs one lookup, and postings are kept by number.
struct TermNumbering {
    let analyzer: Analyzer
    private var numberOfWord: [String: Int32] = [:]
    private var numberOfTerm: [String: Int32] = [:]
    /// `terms[number]`: the stemmed term.
    private(set) var terms: [String] = []

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// The numbered terms of `text` with their positions, in position order.
    mutating func terms(in text: String) -> [(number: Int32, position: Int)] {
        var result: [(number: Int32, position: Int)] = []
        analyzer.forEachTerm(in: text, map: { number(ofWord: $0) }) { number, position, _, _ in
            result.append((number, position))
        }
        return result
    }

    private mutating func number(ofWord word: String) -> Int32 {
        if let known = numberOfWord[word] { return known }
        let stem = analyzer.stem(word)
        let number: Int32
        if let known = numberOfTerm[stem] {
            number = known
        } else {
            number = Int32(terms.count)
            terms.append(stem)
            numberOfTerm[stem] = number
        }
        numberOfWord[word] = number
        return number
    }
}

import Domain

/// Numbers the terms of a segment while it is built. Job text repeats its vocabulary, so each folded
/// word is looked up by its bytes, stemmed only the first time it is seen, and postings are kept by number.
struct TermNumbering {
    let analyzer: Analyzer
    /// Folded word → its term's number; stop words are kept as `-1` (or `-2 - number` once an
    /// acronym or a compound needed them as a term: "IT", "a-n").
    private var words = WordTable()
    private var numberOfTerm: [String: Int32] = [:]
    /// `terms[number]`: the stemmed term.
    private(set) var terms: [String] = []

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// Calls `body` with the number and position of every term of `text`, in position order.
    mutating func forEachTerm(in text: String, _ body: (Int32, Int) -> Void) {
        let analyzer = analyzer
        analyzer.forEachWord(in: text) { folded, span, position in
            let number = number(of: folded, neverStopWord: span.isAcronym)
            if number >= 0 { body(number, position) }
        } joined: { folded, position, _, _ in
            body(number(of: folded, neverStopWord: true), position)
        }
    }

    /// The term number of a folded word, or -1 for a stop word.
    private mutating func number(of folded: UnsafeBufferPointer<UInt8>, neverStopWord: Bool) -> Int32 {
        let entry: Int
        if let known = words.entry(of: folded) {
            entry = known
        } else {
            let word = String(decoding: folded, as: UTF8.self)
            let value = Analyzer.isStopWord(word) ? -1 : number(ofStem: analyzer.stem(word))
            entry = words.add(folded, value: value)
        }
        let value = words.values[entry]
        if value >= 0 { return value }
        guard neverStopWord else { return -1 }
        if value <= -2 { return -2 - value }
        let number = number(ofStem: analyzer.stem(String(decoding: folded, as: UTF8.self)))
        words.setValue(-2 - number, of: entry)
        return number
    }

    private mutating func number(ofStem stem: String) -> Int32 {
        if let known = numberOfTerm[stem] { return known }
        let number = Int32(terms.count)
        terms.append(stem)
        numberOfTerm[stem] = number
        return number
    }
}

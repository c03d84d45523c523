/// The one analyzer every part of search uses: indexing, query parsing and highlighting.
///
/// Words are folded (case, accents), stop words are dropped (their positions stay, so phrases keep
/// their shape) and the rest are stemmed with the Snowball English stemmer. Compounds written with
/// "-" or "." ("full-stack", "node.js") are indexed as their parts and as one joined word, so
/// "fullstack", "full stack" and "full-stack" find each other.
struct Analyzer: Sendable {
    private let tokenizer = Tokenizer()
    private let stemmer = EnglishStemmer()

    /// Terms for indexing, with positions and byte offsets.
    func terms(in text: String) -> [AnalyzedTerm] {
        terms(in: text, stem: stemmer.stem)
    }

    /// Terms for indexing, stemming through `stem`; words `keeping` rejects are left out.
    func terms(
        in text: String, keeping: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }, stem: (String) -> String
    ) -> [AnalyzedTerm] {
        var result: [AnalyzedTerm] = []
        forEachTerm(in: text, keeping: keeping, map: stem) { term, position, start, end in
            result.append(AnalyzedTerm(term: term, position: position, start: start, end: end))
        }
        return result
    }

    /// Walks the indexed terms of `text` in position order. `map` turns each folded word that is not
    /// a stop word (and each joined compound) into what the caller keeps: a stem, or a term number.
    /// Words `keeping` rejects (given their folded bytes) are passed over without making a String.
    /// `until` is asked before each word with the byte offset it starts at; true ends the walk there.
    func forEachTerm<Term>(
        in text: String, keeping: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }, until: (Int) -> Bool = { _ in false },
        map: (String) -> Term, _ body: (Term, Int, Int, Int) -> Void
    ) {
        forEachWord(in: text, until: until) { folded, span, position in
            guard keeping(folded) else { return }
            let word = String(decoding: folded, as: UTF8.self)
            if span.isAcronym || !Self.isStopWord(word) { body(map(word), position, span.start, span.end) }
        } joined: { folded, position, start, end in
            guard keeping(folded) else { return }
            body(map(String(decoding: folded, as: UTF8.self)), position, start, end)
        }
    }

    /// The walk under every use of the analyzer: each word with its position (stop words included,
    /// so they keep their place), and after the last part of a compound the compound joined
    /// ("fullstack" at the position of "full"; "dotnet" for ".NET"). Folded text is passed as a
    /// buffer valid only during the call.
    func forEachWord(
        in text: String, until: (Int) -> Bool = { _ in false },
        _ word: (UnsafeBufferPointer<UInt8>, TokenSpan, Int) -> Void,
        joined: (UnsafeBufferPointer<UInt8>, Int, Int, Int) -> Void
    ) {
        var compound = Compound()
        var position = 0
        var copy = text
        copy.withUTF8 { bytes in
            tokenizer.forEachToken(in: bytes, until: until) { span, folded in
                if span.joinsPrevious {
                    compound.extend(with: folded, end: span.end)
                } else {
                    compound.finish(joined)
                    // Most words start no compound: their bytes are only copied when one may follow.
                    if span.mayBeJoined || span.hasLeadingDot { compound.start(with: folded, span: span, position: position) }
                }
                word(folded, span, position)
                position += 1
            }
        }
        compound.finish(joined)
    }

    static func isStopWord(_ word: String) -> Bool {
        word.utf8.count <= StopWords.longest && StopWords.english.contains(word)
    }

    /// The ways one whitespace-free query word can match, as alternatives of phrases
    /// (a single term is a phrase of one). Several groups ("python/java") become several clauses.
    func queryClauses(for word: String) -> [[QueryPhrase]] {
        struct Group {
            var parts: [QueryPhrase.Term] = []
            var joined: String?
            var startsWithDot = false
            var size = 0
        }
        var groups: [Group] = []
        forEachWord(in: word) { folded, span, position in
            if !span.joinsPrevious { groups.append(Group(startsWithDot: span.hasLeadingDot)) }
            let text = String(decoding: folded, as: UTF8.self)
            if span.isAcronym || !Self.isStopWord(text) {
                groups[groups.count - 1].parts.append(.init(term: stemmer.stem(text), offset: groups[groups.count - 1].size))
            }
            groups[groups.count - 1].size += 1
        } joined: { folded, _, _, _ in
            groups[groups.count - 1].joined = stemmer.stem(String(decoding: folded, as: UTF8.self))
        }
        return groups.compactMap { group -> [QueryPhrase]? in
            var alternatives: [QueryPhrase] = []
            if let joined = group.joined { alternatives.append(QueryPhrase(terms: [.init(term: joined, offset: 0)])) }
            // ".NET" is asked for as "dotnet" alone: the bare "net" would match far too much.
            if group.size == 1, group.startsWithDot { return alternatives }
            let parts = group.parts
            if !parts.isEmpty { alternatives.append(QueryPhrase(terms: parts.map { .init(term: $0.term, offset: $0.offset - parts[0].offset) })) }
            return alternatives.isEmpty ? nil : alternatives
        }
    }

    /// A quoted phrase: every non-stop word in order, with the gaps stop words leave.
    func phrase(_ text: String) -> QueryPhrase? {
        var parts: [QueryPhrase.Term] = []
        var seenPositions: Set<Int> = []
        // Joined forms share a position with their first part; a phrase is matched on the parts.
        for term in terms(in: text) where seenPositions.insert(term.position).inserted {
            parts.append(.init(term: term.term, offset: term.position))
        }
        guard let first = parts.first else { return nil }
        return QueryPhrase(terms: parts.map { .init(term: $0.term, offset: $0.offset - first.offset) })
    }

    /// Folds a prefix the way words are folded, without stemming (a prefix is not a word).
    func foldedPrefix(_ text: String) -> String? {
        let tokens = tokenizer.tokens(in: text)
        guard tokens.count == 1 else { return nil }
        return tokens[0].text
    }

    func stem(_ word: String) -> String { stemmer.stem(word) }
}

/// The compound being read: "full-stack" is indexed as "full", "stack" and "fullstack".
private struct Compound {
    private var text: [UInt8] = []
    private var parts = 0
    private var startsWithDot = false
    private var position = 0
    private var start = 0
    private var end = 0

    mutating func start(with folded: UnsafeBufferPointer<UInt8>, span: TokenSpan, position: Int) {
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: folded)
        parts = 1
        startsWithDot = span.hasLeadingDot
        self.position = position
        start = span.start
        end = span.end
    }

    mutating func extend(with folded: UnsafeBufferPointer<UInt8>, end: Int) {
        guard parts > 0 else { return }
        text.append(contentsOf: folded)
        parts += 1
        self.end = end
    }

    /// Reports the joined word of the compound just read, if it was one.
    mutating func finish(_ joined: (UnsafeBufferPointer<UInt8>, Int, Int, Int) -> Void) {
        defer { parts = 0 }
        if parts == 1, startsWithDot { text.insert(contentsOf: "dot".utf8, at: 0) } else if parts < 2 { return }
        text.withUnsafeBufferPointer { joined($0, position, start, end) }
    }
}

/// Terms that must appear at fixed distances from each other; one term is the simplest phrase.
struct QueryPhrase: Sendable, Equatable, Hashable {
    struct Term: Sendable, Equatable, Hashable {
        var term: String
        var offset: Int
    }

    var terms: [Term]
}

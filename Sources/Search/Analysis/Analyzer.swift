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

    /// Terms for indexing, stemming through `stem` (which may remember earlier answers).
    func terms(in text: String, stem: (String) -> String) -> [AnalyzedTerm] {
        var result: [AnalyzedTerm] = []
        forEachTerm(in: text, map: stem) { term, position, start, end in
            result.append(AnalyzedTerm(term: term, position: position, start: start, end: end))
        }
        return result
    }

    /// Walks the indexed terms of `text` in position order. `map` turns each folded word that is not
    /// a stop word (and each joined compound) into what the caller keeps: a stem, or a term number.
    func forEachTerm<Term>(in text: String, map: (String) -> Term, _ body: (Term, Int, Int, Int) -> Void) {
        var position = 0
        for group in groups(tokenizer.tokens(in: text)) {
            let first = position
            for token in group {
                if !Self.isStopWord(token) { body(map(token.text), position, token.start, token.end) }
                position += 1
            }
            if let joined = joinedWord(for: group) {
                body(map(joined), first, group[0].start, group[group.count - 1].end)
            }
        }
    }

    private static func isStopWord(_ token: RawToken) -> Bool {
        !token.isAcronym && token.text.utf8.count <= StopWords.longest && StopWords.english.contains(token.text)
    }

    /// The analyzed form of a single word, or nil for a stop word.
    func term(for token: RawToken) -> String? {
        Self.isStopWord(token) ? nil : stemmer.stem(token.text)
    }

    /// The ways one whitespace-free query word can match, as alternatives of phrases
    /// (a single term is a phrase of one). Several groups ("python/java") become several clauses.
    func queryClauses(for word: String) -> [[QueryPhrase]] {
        groups(tokenizer.tokens(in: word)).compactMap { group -> [QueryPhrase]? in
            var parts: [QueryPhrase.Term] = []
            for (offset, token) in group.enumerated() {
                if let term = term(for: token) { parts.append(.init(term: term, offset: offset)) }
            }
            var alternatives: [QueryPhrase] = []
            if let joined = joinedTerm(for: group) { alternatives.append(QueryPhrase(terms: [.init(term: joined, offset: 0)])) }
            // ".NET" is asked for as "dotnet" alone: the bare "net" would match far too much.
            if group.count == 1, group[0].hasLeadingDot { return alternatives }
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

    private func groups(_ tokens: [RawToken]) -> [[RawToken]] {
        var groups: [[RawToken]] = []
        for token in tokens {
            if token.joinsPrevious, !groups.isEmpty { groups[groups.count - 1].append(token) }
            else { groups.append([token]) }
        }
        return groups
    }

    private func joinedTerm(for group: [RawToken]) -> String? {
        joinedWord(for: group).map(stemmer.stem)
    }

    /// The word a compound is also indexed as ("fullstack", "dotnet"), before stemming.
    private func joinedWord(for group: [RawToken]) -> String? {
        if group.count == 1 { return group[0].hasLeadingDot ? "dot" + group[0].text : nil }
        return group.map(\.text).joined()
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

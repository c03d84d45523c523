/// Reads the `q` syntax: words (ANDed), "quoted phrases", -excluded words or phrases, and prefix*.
struct QueryParser: Sendable {
    let analyzer: Analyzer

    /// Prefixes shorter than this match too many words to be useful; they are read as plain words.
    static let minimumPrefixLength = 2

    func parse(_ text: String) -> ParsedQuery {
        var query = ParsedQuery()
        var characters = Substring(text)
        while let first = characters.first {
            if first.isWhitespace { characters = characters.dropFirst(); continue }
            var negated = false
            if first == "-", characters.count > 1, !(characters.dropFirst().first?.isWhitespace ?? true) {
                negated = true
                characters = characters.dropFirst()
            }
            var clauses: [ParsedQuery.Clause] = []
            if characters.first == "\"" {
                let body = characters.dropFirst()
                let close = body.firstIndex(of: "\"") ?? body.endIndex
                if let phrase = analyzer.phrase(String(body[..<close])) { clauses = [.anyOf([phrase])] }
                characters = close < body.endIndex ? body[body.index(after: close)...] : body[body.endIndex...]
            } else {
                let end = characters.firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? characters.endIndex
                clauses = clausesForWord(String(characters[..<end]))
                characters = characters[end...]
            }
            if negated { query.excluded += clauses } else { query.required += clauses }
        }
        return query
    }

    private func clausesForWord(_ word: String) -> [ParsedQuery.Clause] {
        if word.hasSuffix("*") {
            let stem = String(word.drop(while: { $0 == "*" }).reversed().drop(while: { $0 == "*" }).reversed())
            if let prefix = analyzer.foldedPrefix(stem), prefix.count >= Self.minimumPrefixLength {
                return [.prefix(prefix)]
            }
            return analyzer.queryClauses(for: stem).map { .anyOf($0) }
        }
        return analyzer.queryClauses(for: word).map { .anyOf($0) }
    }
}

/// The free-text part of a search after analysis: clauses that must match and clauses that must not.
struct ParsedQuery: Sendable, Equatable {
    enum Clause: Sendable, Equatable, Hashable {
        /// Matches when any of the phrases matches in any field.
        case anyOf([QueryPhrase])
        /// Matches any indexed word starting with this folded prefix. Because the index holds stems,
        /// a stem that the prefix itself begins with ("manag" for "managi") matches too.
        case prefix(String)
    }

    var required: [Clause] = []
    var excluded: [Clause] = []

    /// Every single term the required clauses score on, for frozen statistics and highlighting.
    var scoredTerms: Set<String> {
        var terms: Set<String> = []
        for case .anyOf(let phrases) in required {
            for phrase in phrases { for term in phrase.terms { terms.insert(term.term) } }
        }
        return terms
    }
}

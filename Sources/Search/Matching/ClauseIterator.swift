/// The documents matching one query clause: any of its phrases, in any field.
/// A phrase's fields add up; the best phrase gives the clause's score.
final class ClauseIterator {
    /// `alternatives[phrase]`: one source per field the phrase occurs in.
    private let alternatives: [[DocumentSource]]
    private(set) var document: UInt32

    init(alternatives: [[DocumentSource]]) {
        self.alternatives = alternatives.filter { !$0.isEmpty }
        document = self.alternatives.joined().map(\.document).min() ?? DocumentSource.exhausted
    }

    var isEmpty: Bool { alternatives.isEmpty }

    func advance(to target: UInt32) {
        guard document < target else { return }
        var next = DocumentSource.exhausted
        for sources in alternatives {
            for source in sources {
                source.advance(to: target)
                next = min(next, source.document)
            }
        }
        document = next
    }

    /// The most the current document could score, from the bounds of the sources it occurs in.
    func upperBound() -> Double {
        var best = 0.0
        for sources in alternatives {
            var sum = 0.0
            for source in sources where source.document == document { sum += source.bound }
            best = max(best, sum)
        }
        return best
    }

    func score() -> Double {
        var best = 0.0
        for sources in alternatives {
            var sum = 0.0
            for source in sources where source.document == document { sum += source.score() }
            best = max(best, sum)
        }
        return best
    }

    /// Every document the clause matches, without moving the iterator.
    func matches(count: Int) -> Bitset {
        var set = Bitset(count: count)
        for sources in alternatives { for source in sources { source.addAll(to: &set) } }
        return set
    }

    /// The most a document could score if it matched in no title: once the page's worst hit scores
    /// more than the sum of these over all clauses, documents without a title match can be skipped.
    var boundWithoutTitle: Double {
        alternatives.map { sources in
            sources.filter { !$0.isTitle }.reduce(0) { $0 + $1.bound }
        }.max() ?? 0
    }

    /// Adds the documents matching in a title to `set`.
    func addTitleMatches(to set: inout Bitset) {
        for sources in alternatives { for source in sources where source.isTitle { source.addAll(to: &set) } }
    }

    /// Whether `target` matches; moves the iterator there (use with ascending targets only).
    func contains(_ target: UInt32) -> Bool {
        advance(to: target)
        return document == target
    }
}

/// Builds a segment's iterators for the clauses of a query.
struct ClausePlanner {
    let segment: Segment
    let statistics: ScoringStatistics

    func iterator(for clause: ParsedQuery.Clause) -> ClauseIterator {
        switch clause {
        case .anyOf(let phrases):
            return ClauseIterator(alternatives: phrases.map { phrase in
                SearchField.allCases.compactMap { source(for: phrase, in: $0) }
            })
        case .prefix(let prefix):
            return ClauseIterator(alternatives: [prefixSource(prefix).map { [$0] } ?? []])
        }
    }

    private func source(for phrase: QueryPhrase, in field: SearchField) -> DocumentSource? {
        let postings = segment.postings(field)
        var terms: [TermSource] = []
        for part in phrase.terms {
            guard let number = postings.find(part.term) else { return nil }
            terms.append(TermSource(term: number, field: field, postings: postings,
                                    lengths: segment.fieldLengths[field.rawValue], statistics: statistics))
        }
        if terms.count == 1 { return terms[0] }
        let source = PhraseSource(terms: terms, offsets: phrase.terms.map(\.offset))
        return source.document == DocumentSource.exhausted ? nil : source
    }

    /// Words starting with the prefix, plus stems the prefix itself starts with ("manag" for "managi").
    private func prefixSource(_ prefix: String) -> PrefixSource? {
        var best = [Double](repeating: 0, count: segment.count)
        var seen = Bitset(count: segment.count)
        for field in SearchField.allCases {
            let postings = segment.postings(field)
            var terms = Array(postings.terms(startingWith: prefix))
            for cut in 1...4 where prefix.count - cut >= 4 {
                if let number = postings.find(String(prefix.dropLast(cut))) { terms.append(number) }
            }
            let score = field.weight * ScoringStatistics.prefixScore
            for term in terms {
                for entry in postings.entries(of: term) {
                    let document = Int(postings.documents[entry])
                    seen.insert(document)
                    best[document] = max(best[document], score)
                }
            }
        }
        var documents: [UInt32] = []
        var scores: [Double] = []
        for document in 0..<segment.count where seen.contains(document) {
            documents.append(UInt32(document))
            scores.append(best[document])
        }
        return documents.isEmpty ? nil : PrefixSource(documents: documents, scores: scores)
    }
}

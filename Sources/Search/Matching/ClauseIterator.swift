/// The documents matching one query clause: any of its phrases, in any field.
/// A phrase's fields add up; the best phrase gives the clause's score.
final class ClauseIterator {
    /// `alternatives[phrase]`: one source per field the phrase occurs in.
    private let alternatives: [[DocumentSource]]
    /// The same sources in one flat list, as unretained references, and where each phrase's run of
    /// them starts and ends: the per-document loops below touch no reference count (retaining and
    /// releasing each source at each document was a sixth of a one-word search over many postings).
    /// `alternatives` keeps them alive.
    private let flat: [Unmanaged<DocumentSource>]
    private let runs: [Range<Int>]
    /// `presence[source]`: whether that source (in `flat`) matched at the current document.
    private var presence: [Bool]

    init(alternatives: [[DocumentSource]]) {
        self.alternatives = alternatives.filter { !$0.isEmpty }
        var flat: [Unmanaged<DocumentSource>] = [], runs: [Range<Int>] = []
        for sources in self.alternatives {
            runs.append(flat.count..<flat.count + sources.count)
            flat += sources.map { Unmanaged.passUnretained($0) }
        }
        self.flat = flat
        self.runs = runs
        presence = [Bool](repeating: false, count: flat.count)
    }

    var isEmpty: Bool { alternatives.isEmpty }

    /// A cheap bound at `target`: exact scores of the title sources (walked in order anyway) plus the
    /// most every other source could add there, read from their skip entries without decoding.
    @inline(__always)
    func titleBound(at target: UInt32) -> Double {
        var best = 0.0
        for run in runs {
            var sum = 0.0
            for index in run {
                sum += flat[index]._withUnsafeGuaranteedRef { source in
                    if !source.isTitle { return source.bound(at: target) }
                    return source.matches(target) ? source.score() : 0
                }
            }
            best = max(best, sum)
        }
        return best
    }

    /// Moves to `target`, a document known to match, and notes which sources it occurs in.
    /// Returns the most it could score, from those sources' bounds.
    @inline(__always)
    func upperBound(at target: UInt32) -> Double {
        var best = 0.0
        for run in runs {
            var sum = 0.0
            for index in run {
                let present = flat[index]._withUnsafeGuaranteedRef { $0.matches(target) }
                presence[index] = present
                if present { sum += flat[index]._withUnsafeGuaranteedRef { $0.bound(at: target) } }
            }
            best = max(best, sum)
        }
        return best
    }

    /// The score at the document of the last `upperBound(at:)`.
    @inline(__always)
    func score() -> Double {
        var best = 0.0
        for run in runs {
            var sum = 0.0
            for index in run where presence[index] { sum += flat[index]._withUnsafeGuaranteedRef { $0.score() } }
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

    /// The most any document could score on this clause.
    var bound: Double {
        alternatives.map { $0.reduce(0) { $0 + $1.bound } }.max() ?? 0
    }

    /// The most a document could score if it matched in no title: once the page's worst hit scores
    /// more than the sum of these over all clauses, documents without a title match can be skipped.
    var boundWithoutTitle: Double {
        alternatives.map { sources in
            sources.filter { !$0.isTitle }.reduce(0) { $0 + $1.bound }
        }.max() ?? 0
    }

    /// Goes back to the first document, for another ascending walk.
    func rewind() {
        for sources in alternatives { for source in sources { source.rewind() } }
    }

    /// Adds the documents matching in a title to `set`.
    func addTitleMatches(to set: inout Bitset) {
        for sources in alternatives { for source in sources where source.isTitle { source.addAll(to: &set) } }
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
            return ClauseIterator(alternatives: [SearchField.allCases.compactMap { prefixSource(prefix, in: $0) }])
        }
    }

    private func source(for phrase: QueryPhrase, in field: SearchField) -> DocumentSource? {
        let postings = segment.postings(field)
        var terms: [TermSource] = []
        var scanned: [PhraseScan.Term] = []
        for part in phrase.terms {
            guard let number = postings.find(part.term) else { return nil }
            terms.append(TermSource(term: number, text: part.term, field: field, postings: postings,
                                    lengths: segment.fieldLengths[field.rawValue], statistics: statistics))
            scanned.append(PhraseScan.Term(number: number, offset: part.offset))
        }
        if terms.count == 1 { return terms[0] }
        let matching = PhraseScan.documents(matching: scanned, in: postings, documentCount: segment.count)
        return matching.isEmpty ? nil : PhraseSource(terms: terms, matching: matching)
    }

    /// Words starting with the prefix, plus stems the prefix itself starts with ("manag" for "managi").
    private func prefixSource(_ prefix: String, in field: SearchField) -> PrefixSource? {
        let postings = segment.postings(field)
        var terms = Array(postings.terms(startingWith: prefix))
        for cut in 1...4 where prefix.count - cut >= 4 {
            if let number = postings.find(String(prefix.dropLast(cut))) { terms.append(number) }
        }
        guard !terms.isEmpty else { return nil }
        var matching = Bitset(count: segment.count)
        matching.withUnsafeMutableWords { words in
            for term in terms { postings.forEachDocument(of: term) { words[Int($0 >> 6)] |= 1 << UInt64($0 & 63) } }
        }
        return PrefixSource(matching: matching, field: field)
    }
}

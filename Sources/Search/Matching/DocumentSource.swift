/// A stream of the documents of one segment that match something, in ascending order, with the
/// score of the current document and an upper bound on any score the stream can give.
class DocumentSource {
    static let exhausted = UInt32.max

    /// The current document, or `exhausted`.
    var document: UInt32 = DocumentSource.exhausted
    /// No document of this stream scores higher (used to skip scoring documents that cannot make the page).
    let bound: Double
    /// Whether the stream matches in titles only (titles carry most of the weight).
    let isTitle: Bool

    init(bound: Double, isTitle: Bool = false) {
        self.bound = bound
        self.isTitle = isTitle
    }

    /// Moves to the first document at or after `target`.
    func advance(to target: UInt32) {}

    /// The score of the current document.
    func score() -> Double { 0 }

    /// Adds every document of the stream to `set`, leaving the stream where it was.
    func addAll(to set: inout Bitset) {}

    /// Goes back to the first document, for another ascending walk.
    func rewind() {}

    /// Whether `target` is in the stream, moving there (ascending targets only).
    func matches(_ target: UInt32) -> Bool {
        advance(to: target)
        return document == target
    }
}

/// The documents containing one term in one field.
final class TermSource: DocumentSource {
    let postings: FieldPostings
    private let scorer: TermScorer
    private let lengths: [UInt16]
    private(set) var entry: Int
    private let start: Int
    private let end: Int

    init(term: Int, field: SearchField, postings: FieldPostings, lengths: [UInt16], statistics: ScoringStatistics) {
        let range = postings.entries(of: term)
        let scorer = TermScorer(
            idf: statistics.inverseDocumentFrequency(postings.terms[term], field: field), field: field, statistics: statistics
        )
        self.postings = postings
        self.scorer = scorer
        self.lengths = lengths
        entry = range.lowerBound
        start = range.lowerBound
        end = range.upperBound
        super.init(bound: scorer.score(frequency: UInt16(postings.maxFrequency[term]), length: postings.minLength[term]),
                   isTitle: field == .title)
        document = entry < end ? postings.documents[entry] : Self.exhausted
    }

    override func advance(to target: UInt32) {
        guard document < target else { return }
        // Gallop forward, then binary search: cheap both for near and for far targets.
        var low = entry, step = 1, high = entry + 1
        while high < end, postings.documents[high] < target {
            low = high
            step <<= 1
            high = entry + step
        }
        high = min(high, end)
        while low < high {
            let middle = (low + high) >> 1
            if postings.documents[middle] < target { low = middle + 1 } else { high = middle }
        }
        entry = low
        document = entry < end ? postings.documents[entry] : Self.exhausted
    }

    override func score() -> Double {
        scorer.score(frequency: UInt16(postings.frequencies[entry]), length: lengths[Int(document)])
    }

    override func addAll(to set: inout Bitset) {
        postings.documents.withUnsafeBufferPointer { documents in
            for index in start..<end { set.insert(Int(documents[index])) }
        }
    }

    override func rewind() {
        entry = start
        document = entry < end ? postings.documents[entry] : Self.exhausted
    }
}

/// A stream over a set computed up front: walking, testing and adding it cost no decoding.
class SetSource: DocumentSource {
    let matching: Bitset

    init(matching: Bitset, bound: Double, isTitle: Bool) {
        self.matching = matching
        super.init(bound: bound, isTitle: isTitle)
        document = first(from: 0)
    }

    /// The first member at or after `target`, or `exhausted`.
    private func first(from target: UInt32) -> UInt32 {
        matching.firstMember(from: Int(target)).map(UInt32.init) ?? Self.exhausted
    }

    override func advance(to target: UInt32) {
        guard document < target else { return }
        document = first(from: target)
    }

    override func matches(_ target: UInt32) -> Bool {
        guard matching.contains(Int(target)) else { return false }
        document = target
        return true
    }

    override func addAll(to set: inout Bitset) {
        set.formUnion(matching)
    }

    override func rewind() {
        document = first(from: 0)
    }
}

/// The documents where several terms of one field occur at fixed distances, found by one
/// `PhraseScan` up front: the set serves counting, facets and ranking without checking positions again.
final class PhraseSource: SetSource {
    private let terms: [TermSource]

    init(terms: [TermSource], matching: Bitset) {
        self.terms = terms
        super.init(matching: matching, bound: terms.reduce(0) { $0 + $1.bound }, isTitle: terms[0].isTitle)
    }

    /// The terms' scores at the current document (visited in ascending order, so the terms only move forward).
    override func score() -> Double {
        var total = 0.0
        for term in terms {
            term.advance(to: document)
            total += term.score()
        }
        return total
    }

    override func rewind() {
        super.rewind()
        for term in terms { term.rewind() }
    }
}

/// Documents of one field with any word starting with a prefix; each scores the field's weight
/// (a typed prefix says what the user is after, not how relevant a document is).
final class PrefixSource: SetSource {
    init(matching: Bitset, field: SearchField) {
        super.init(matching: matching, bound: field.weight * ScoringStatistics.prefixScore, isTitle: field == .title)
    }

    override func score() -> Double { bound }
}

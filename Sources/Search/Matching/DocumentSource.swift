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

    /// No document at `target` scores higher here; tighter than `bound` where the stream knows the
    /// bounds of a stretch of documents. Asked in ascending order, without moving the stream.
    func bound(at target: UInt32) -> Double { bound }

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
    private let cursor: PostingCursor
    private let postings: FieldPostings
    private let term: Int
    private let scorer: TermScorer
    private let lengths: UnsafeBufferPointer<UInt16>
    private let lengthsColumn: Column<UInt16>
    /// The block `bound(at:)` last stood on (-1 before the first), and its bound.
    private var shallowBlock = -1
    private var shallowBound = 0.0

    init(term: Int, text: String, field: SearchField, postings: FieldPostings, lengths: Column<UInt16>,
         statistics: ScoringStatistics) {
        let scorer = TermScorer(
            idf: statistics.inverseDocumentFrequency(text, field: field), field: field, statistics: statistics
        )
        cursor = PostingCursor(postings: postings, term: term)
        self.postings = postings
        self.term = term
        self.scorer = scorer
        lengthsColumn = lengths
        self.lengths = lengths.buffer
        super.init(bound: scorer.score(frequency: UInt16(postings.maxFrequency[term]), length: postings.minLength[term]),
                   isTitle: field == .title)
        document = cursor.document
    }

    override func advance(to target: UInt32) {
        guard document < target else { return }
        cursor.advance(to: target)
        document = cursor.document
    }

    override func score() -> Double {
        scorer.score(frequency: UInt16(cursor.frequency), length: lengths[Int(document)])
    }

    /// The bound of the block that would hold `target`, read from its skip entry: where frequencies and
    /// field lengths vary, a block's highest frequency and shortest field score well below the term's
    /// best in the whole segment, and no block is decoded to know it. Past the last block no document
    /// holds the term.
    override func bound(at target: UInt32) -> Double {
        guard cursor.hasSkipEntries else { return bound }
        if shallowBlock < 0 || target > cursor.lastDocument(ofBlock: shallowBlock) {
            guard let found = cursor.block(endingAtOrAfter: target, after: shallowBlock) else { return 0 }
            shallowBlock = found
            let (frequency, length) = cursor.bounds(ofBlock: found)
            shallowBound = scorer.score(frequency: UInt16(frequency), length: length)
        }
        return shallowBound
    }

    override func addAll(to set: inout Bitset) {
        set.withUnsafeMutableWords { words in
            postings.forEachDocument(of: term) { words[Int($0 >> 6)] |= 1 << UInt64($0 & 63) }
        }
    }

    override func rewind() {
        cursor.rewind()
        document = cursor.document
        shallowBlock = -1
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

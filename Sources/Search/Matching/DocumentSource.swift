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

    /// Whether `target` is in the stream, moving there (ascending targets only).
    func matches(_ target: UInt32) -> Bool {
        advance(to: target)
        return document == target
    }
}

/// The documents containing one term in one field.
final class TermSource: DocumentSource {
    let postings: FieldPostings
    private let field: SearchField
    private let idf: Double
    private let statistics: ScoringStatistics
    private let lengths: [UInt16]
    private(set) var entry: Int
    private let start: Int
    private let end: Int

    init(term: Int, field: SearchField, postings: FieldPostings, lengths: [UInt16], statistics: ScoringStatistics) {
        let range = postings.entries(of: term)
        let idf = statistics.inverseDocumentFrequency(postings.terms[term], field: field)
        self.postings = postings
        self.field = field
        self.idf = idf
        self.statistics = statistics
        self.lengths = lengths
        entry = range.lowerBound
        start = range.lowerBound
        end = range.upperBound
        super.init(bound: statistics.score(
            idf: idf, frequency: UInt16(postings.maxFrequency[term]), length: postings.minLength[term], field: field
        ), isTitle: field == .title)
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
        statistics.score(idf: idf, frequency: UInt16(postings.frequencies[entry]),
                         length: lengths[Int(document)], field: field)
    }

    /// Where the positions of `positionEntry` start, so walking forward never restarts from a checkpoint.
    private var positionEntry = -1
    private var positionOffset = 0

    /// Positions of the current entry, decoded into `buffer` (reused to avoid allocating per document).
    func positions(into buffer: inout [UInt32]) {
        let known = positionEntry >= 0 ? (entry: positionEntry, offset: positionOffset) : nil
        var offset = postings.positionOffset(ofEntry: entry, from: known)
        positionEntry = entry
        positionOffset = offset
        buffer.removeAll(keepingCapacity: true)
        var position: UInt32 = 0
        for _ in 0..<Int(postings.frequencies[entry]) {
            position &+= Varint.read(postings.positions, at: &offset)
            buffer.append(position)
        }
    }

    override func addAll(to set: inout Bitset) {
        postings.documents.withUnsafeBufferPointer { documents in
            for index in start..<end { set.insert(Int(documents[index])) }
        }
    }

    func rewind() {
        entry = start
        document = entry < end ? postings.documents[entry] : Self.exhausted
    }
}

/// The documents where several terms of one field occur at fixed distances.
final class PhraseSource: DocumentSource {
    private let terms: [TermSource]
    private let offsets: [Int]

    init(terms: [TermSource], offsets: [Int]) {
        self.terms = terms
        self.offsets = offsets
        super.init(bound: terms.reduce(0) { $0 + $1.bound }, isTitle: terms[0].isTitle)
        seek(0)
    }

    override func advance(to target: UInt32) {
        guard document < target else { return }
        seek(target)
    }

    /// Checks positions at `target` only: walking to it does not verify the candidates in between.
    override func matches(_ target: UInt32) -> Bool {
        if document == target { return true }
        if document > target, document != Self.exhausted { return false }
        for term in terms {
            term.advance(to: target)
            if term.document != target { return false }
        }
        guard positionsAlign() else { return false }
        document = target
        return true
    }

    override func score() -> Double { terms.reduce(0) { $0 + $1.score() } }

    override func addAll(to set: inout Bitset) {
        let current = document
        while document != Self.exhausted {
            set.insert(Int(document))
            seek(document + 1)
        }
        for term in terms { term.rewind() }
        seek(0)
        if current != document { seek(current) }
    }

    private func seek(_ target: UInt32) {
        var candidate = target
        search: while true {
            for term in terms {
                term.advance(to: candidate)
                if term.document == Self.exhausted { document = Self.exhausted; return }
                if term.document > candidate { candidate = term.document; continue search }
            }
            if positionsAlign() { document = candidate; return }
            candidate += 1
        }
    }

    private var buffers: [[UInt32]] = []

    /// Whether some start position puts every term at its offset: sorted lists walked in step.
    private func positionsAlign() -> Bool {
        if buffers.count != terms.count { buffers = Array(repeating: [], count: terms.count) }
        for index in terms.indices { terms[index].positions(into: &buffers[index]) }
        var cursors = [Int](repeating: 0, count: terms.count)
        for start in buffers[0] {
            let base = Int(start) - offsets[0]
            var all = true
            for index in 1..<terms.count {
                let wanted = base + offsets[index]
                let list = buffers[index]
                while cursors[index] < list.count, Int(list[cursors[index]]) < wanted { cursors[index] += 1 }
                if cursors[index] == list.count { return false }
                if Int(list[cursors[index]]) != wanted { all = false }
            }
            if all { return true }
        }
        return false
    }
}

/// Documents of one field with any word starting with a prefix; each scores the field's weight
/// (a typed prefix says what the user is after, not how relevant a document is).
final class PrefixSource: DocumentSource {
    private let matching: Bitset
    private var next = 0

    init(matching: Bitset, field: SearchField) {
        self.matching = matching
        super.init(bound: field.weight * ScoringStatistics.prefixScore, isTitle: field == .title)
        advance(to: 0)
    }

    override func advance(to target: UInt32) {
        if document != Self.exhausted, document >= target { return }
        var position = Int(target)
        while position < matching.count {
            let word = matching.words[position >> 6] >> UInt64(position & 63)
            if word != 0 {
                document = UInt32(position + word.trailingZeroBitCount)
                return
            }
            position = (position | 63) + 1
        }
        document = Self.exhausted
    }

    override func score() -> Double { bound }

    override func addAll(to set: inout Bitset) {
        set.formUnion(matching)
    }
}

/// Every posting of one field in one segment, compact and read in place: from a segment just built
/// or straight from a mapped segment file, with no decoding at load.
///
/// Terms are sorted by their UTF-8 bytes and kept back to back in one byte column. Each term's
/// postings are one run of `data` (see `TermBlocks`): documents and frequencies bit-packed in blocks
/// of `blockSize` entries, with a skip entry per block when there are several, then every entry's
/// positions as varint deltas. Entries are also numbered across the field (`entries(of:)`), in term
/// order, which gives each term's document frequency.
struct FieldPostings: Sendable, Equatable {
    static let blockSize = 128

    /// The UTF-8 bytes of every term; term `t` is `termBytes[termOffsets[t]..<termOffsets[t + 1]]`.
    var termBytes = Column<UInt8>()
    var termOffsets = Column<UInt32>([0])
    /// Entries of term `t` are `termStarts[t]..<termStarts[t + 1]`.
    var termStarts = Column<UInt32>([0])
    /// Term `t`'s postings are `data[dataOffsets[t]..<dataOffsets[t + 1]]`.
    var dataOffsets = Column<UInt64>([0])
    /// Per term: the highest frequency and the shortest field among its documents, which bound its score.
    var maxFrequency = Column<UInt8>()
    var minLength = Column<UInt16>()
    /// Every term's postings, followed by `padding` zero bytes so bit-packed words can be read whole.
    var data = Column<UInt8>([UInt8](repeating: 0, count: FieldPostings.padding))
    static let padding = 8

    var termCount: Int { termStarts.count - 1 }
    var entryCount: Int { Int(termStarts[termCount]) }

    func entries(of term: Int) -> Range<Int> {
        Int(termStarts[term])..<Int(termStarts[term + 1])
    }

    /// The term's text.
    func term(_ number: Int) -> String {
        String(decoding: termBytes.buffer[Int(termOffsets[number])..<Int(termOffsets[number + 1])], as: UTF8.self)
    }

    /// The term's UTF-8 bytes, valid while these postings are.
    func bytes(ofTerm number: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: termBytes.buffer[Int(termOffsets[number])..<Int(termOffsets[number + 1])])
    }

    /// The number of the term, by binary search.
    func find(_ term: String) -> Int? {
        var term = term
        return term.withUTF8 { wanted in
            let index = lowerBound(wanted)
            return index < termCount && TermOrder.compare(bytes(ofTerm: index), wanted) == 0 ? index : nil
        }
    }

    /// Terms starting with `prefix`, as a range of term numbers.
    func terms(startingWith prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { prefix in
            let start = lowerBound(prefix)
            var end = start
            while end < termCount, bytes(ofTerm: end).starts(with: prefix) { end += 1 }
            return start..<end
        }
    }

    /// The number of the first term not below `term` in byte order.
    func lowerBound(_ term: String) -> Int {
        var term = term
        return term.withUTF8 { lowerBound($0) }
    }

    func lowerBound(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0, high = termCount
        while low < high {
            let middle = (low + high) / 2
            if TermOrder.compare(bytes(ofTerm: middle), term) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The blocks of a term's postings, valid while these postings are.
    func blocks(of term: Int) -> TermBlocks {
        TermBlocks(start: data.base.unsafelyUnwrapped + Int(dataOffsets[term]), count: entries(of: term).count)
    }

    /// All of a term's bytes (skip entries, blocks, positions), from where its blocks start; valid while
    /// these postings are.
    func bytes(ofPostings term: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: data.base.unsafelyUnwrapped + Int(dataOffsets[term]),
                            count: Int(dataOffsets[term + 1] - dataOffsets[term]))
    }

    /// Calls `body` with each document of the term, ascending.
    func forEachDocument(of term: Int, _ body: (UInt32) -> Void) {
        withExtendedLifetime(self) {
            let blocks = blocks(of: term)
            let scratch = BlockScratch()
            var previous: Int64 = -1
            for block in 0..<blocks.blockCount {
                let length = blocks.decodeDocuments(block: block, after: previous, into: scratch)
                for index in 0..<length { body(scratch.documents[index]) }
                previous = Int64(scratch.documents[length - 1])
            }
        }
    }
}

/// The order of terms in postings: by UTF-8 bytes, which is also the order of their code points.
enum TermOrder {
    @inline(__always)
    static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(left.count, right.count)
        for index in 0..<shared where left[index] != right[index] {
            return left[index] < right[index] ? -1 : 1
        }
        return left.count - right.count
    }

    static func less(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}

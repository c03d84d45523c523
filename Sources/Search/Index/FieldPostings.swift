/// Every posting of one field in one segment, in a few contiguous arrays (cheap to search, to
/// write to disk and to load back).
///
/// Entries are grouped by term (terms sorted), documents ascending within a term. The positions of
/// all entries follow the same order in one byte array, each entry's positions as varint deltas;
/// a checkpoint every `checkpointInterval` entries makes any entry's positions reachable quickly.
struct FieldPostings: Sendable, Equatable {
    static let checkpointInterval = 16

    var terms: [String] = []
    /// Entries of term `t` are `termStarts[t]..<termStarts[t + 1]`.
    var termStarts: [UInt32] = [0]
    var documents: [UInt32] = []
    /// Occurrences in the document, capped at 255; only the first 255 positions are kept, so the
    /// frequency is also the number of stored positions.
    var frequencies: [UInt8] = []
    var positions: [UInt8] = []
    /// Byte offset in `positions` of entry `k * checkpointInterval`.
    var checkpoints: [UInt64] = []
    /// Per term: the highest frequency and the shortest field among its documents, which bound its score.
    var maxFrequency: [UInt8] = []
    var minLength: [UInt16] = []

    var termCount: Int { terms.count }

    /// The number of the term, by binary search.
    func find(_ term: String) -> Int? {
        let index = lowerBound(term)
        return index < terms.count && terms[index] == term ? index : nil
    }

    /// Terms starting with `prefix`, as a range of term numbers.
    func terms(startingWith prefix: String) -> Range<Int> {
        let start = lowerBound(prefix)
        var end = start
        while end < terms.count, terms[end].hasPrefix(prefix) { end += 1 }
        return start..<end
    }

    func entries(of term: Int) -> Range<Int> {
        Int(termStarts[term])..<Int(termStarts[term + 1])
    }

    /// Byte offset of an entry's positions. `known` is an earlier entry's offset to walk on from,
    /// used when it lies between the entry's checkpoint and the entry itself.
    func positionOffset(ofEntry entry: Int, from known: (entry: Int, offset: Int)? = nil) -> Int {
        frequencies.withUnsafeBufferPointer { frequencies in
            positions.withUnsafeBufferPointer { positions in
                checkpoints.withUnsafeBufferPointer { checkpoints in
                    Self.positionOffset(ofEntry: entry, from: known, frequencies: frequencies,
                                        positions: positions, checkpoints: checkpoints)
                }
            }
        }
    }

    /// `positionOffset(ofEntry:from:)` over the raw arrays, for loops that hold them already.
    @inline(__always)
    static func positionOffset(
        ofEntry entry: Int, from known: (entry: Int, offset: Int)?, frequencies: UnsafeBufferPointer<UInt8>,
        positions: UnsafeBufferPointer<UInt8>, checkpoints: UnsafeBufferPointer<UInt64>
    ) -> Int {
        let checkpointStart = entry - entry % checkpointInterval
        var (from, offset) = (checkpointStart, Int(checkpoints[entry / checkpointInterval]))
        if let known, known.entry >= checkpointStart, known.entry <= entry { (from, offset) = known }
        for skipped in from..<entry { Varint.skip(Int(frequencies[skipped]), in: positions, at: &offset) }
        return offset
    }

    /// The number of the first term not below `term`.
    func lowerBound(_ term: String) -> Int {
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

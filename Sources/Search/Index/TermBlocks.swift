/// One term's postings as laid out in `FieldPostings.data`:
///
///     [skip entries, one per block, when there are several blocks]
///     [block 0] [block 1] …   each: documents' bit width, frequencies' bit width,
///                             document gaps less one, bit-packed; frequencies less one, bit-packed
///     [positions of every entry, varint deltas, entry after entry]
///
/// A skip entry holds the block's last document, where the block and its first entry's positions
/// start (from the term's start), and the block's highest frequency and shortest field, which bound
/// the score of any document in it. A single block needs none of that: its bounds are the term's.
struct TermBlocks {
    static let skipEntrySize = 15

    let start: UnsafePointer<UInt8>
    /// Entries of the term.
    let count: Int

    var blockCount: Int { (count + FieldPostings.blockSize - 1) / FieldPostings.blockSize }

    func length(ofBlock block: Int) -> Int {
        min(FieldPostings.blockSize, count - block * FieldPostings.blockSize)
    }

    /// The block's last document; only for terms of several blocks.
    @inline(__always)
    func lastDocument(ofBlock block: Int) -> UInt32 {
        UnsafeRawPointer(start).loadUnaligned(fromByteOffset: block * Self.skipEntrySize, as: UInt32.self)
    }

    @inline(__always)
    func offset(ofBlock block: Int) -> Int {
        guard blockCount > 1 else { return 0 }
        return Int(UnsafeRawPointer(start).loadUnaligned(fromByteOffset: block * Self.skipEntrySize + 4, as: UInt32.self))
    }

    /// Where the positions of the block's first entry start, from the term's start.
    @inline(__always)
    func positionsOffset(ofBlock block: Int) -> Int {
        guard blockCount > 1 else {
            let length = count
            return 2 + BitPacking.byteCount(count: length, bits: Int(start[0]))
                + BitPacking.byteCount(count: length, bits: Int(start[1]))
        }
        return Int(UnsafeRawPointer(start).loadUnaligned(fromByteOffset: block * Self.skipEntrySize + 8, as: UInt32.self))
    }

    /// The first block after `start` whose last document is at or after `target`, found on the skip
    /// entries alone (nothing is decoded), or nil past the last block: gallop, then binary search.
    func block(endingAtOrAfter target: UInt32, after start: Int) -> Int? {
        guard blockCount > 1 else { return nil }
        var low = start + 1, step = 1, high = low
        while high < blockCount, lastDocument(ofBlock: high) < target {
            low = high + 1
            step <<= 1
            high = start + step
        }
        high = min(high, blockCount)
        while low < high {
            let middle = (low + high) >> 1
            if lastDocument(ofBlock: middle) < target { low = middle + 1 } else { high = middle }
        }
        return low < blockCount ? low : nil
    }

    /// The first of a decoded block's `length` documents at or after `target`, from `low` on, whose
    /// last document is known to be at or after it: gallop from `low` (the next target is usually
    /// close), then binary search.
    @inline(__always)
    static func firstEntry(atOrAfter target: UInt32, in documents: UnsafeMutablePointer<UInt32>, from low: Int, length: Int) -> Int {
        var low = low, step = 1, high = low + 1
        while high < length, documents[high] < target {
            low = high
            step <<= 1
            high = low + step
        }
        high = min(high, length)
        while low < high {
            let middle = (low + high) >> 1
            if documents[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Moves `offset` past the positions of a decoded block's `entries`, whose frequencies say how
    /// many each has.
    @inline(__always)
    static func skipPositions(
        ofEntries entries: Range<Int>, frequencies: UnsafeMutablePointer<UInt32>, in bytes: UnsafeBufferPointer<UInt8>,
        at offset: inout Int
    ) {
        var values = 0
        for entry in entries { values += Int(frequencies[entry]) }
        Varint.skipMany(values, in: bytes, at: &offset)
    }

    /// The block's highest frequency and shortest field; only for terms of several blocks.
    func bounds(ofBlock block: Int) -> (maxFrequency: UInt8, minLength: UInt16) {
        let entry = UnsafeRawPointer(start) + block * Self.skipEntrySize
        return (entry.load(fromByteOffset: 12, as: UInt8.self), entry.loadUnaligned(fromByteOffset: 13, as: UInt16.self))
    }

    /// Decodes only a block's documents into `scratch` (for walks that need no frequencies); `previous`
    /// is the last document of the block before (-1 for the first). Returns the block's length.
    @inline(__always)
    func decodeDocuments(block: Int, after previous: Int64, into scratch: BlockScratch) -> Int {
        let length = length(ofBlock: block)
        let header = start + offset(ofBlock: block)
        let documents = scratch.documents
        BitPacking.unpack(header + 2, count: length, bits: Int(header[0]), into: documents)
        var document = UInt32(truncatingIfNeeded: previous)
        for index in 0..<length {
            document = document &+ documents[index] &+ 1
            documents[index] = document
        }
        return length
    }

    /// Decodes a block's documents and frequencies into `scratch`; `previous` is the last document of
    /// the block before (-1 for the first). Returns the block's length.
    @inline(__always)
    func decode(block: Int, after previous: Int64, into scratch: BlockScratch) -> Int {
        let length = decodeDocuments(block: block, after: previous, into: scratch)
        let header = start + offset(ofBlock: block)
        let frequencies = scratch.frequencies
        BitPacking.unpack(header + 2 + BitPacking.byteCount(count: length, bits: Int(header[0])), count: length,
                          bits: Int(header[1]), into: frequencies)
        for index in 0..<length { frequencies[index] &+= 1 }
        return length
    }
}

/// Room for one decoded block, reused block after block.
final class BlockScratch {
    let documents = UnsafeMutablePointer<UInt32>.allocate(capacity: FieldPostings.blockSize)
    let frequencies = UnsafeMutablePointer<UInt32>.allocate(capacity: FieldPostings.blockSize)

    deinit {
        documents.deallocate()
        frequencies.deallocate()
    }
}

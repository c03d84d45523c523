/// One term's entries, one decoded block at a time, with where the current entry's positions start
/// found lazily (only entries a phrase stands on need them). A value, so a loop over two of them
/// (`PairScan`) keeps their state in registers; `PostingCursor` holds one behind a reference.
struct BlockWalk {
    let blocks: TermBlocks
    /// The term's bytes, for reading positions.
    let bytes: UnsafeBufferPointer<UInt8>
    private let scratch = BlockScratch()
    private let documents: UnsafeMutablePointer<UInt32>
    private let frequencies: UnsafeMutablePointer<UInt32>
    private let blockCount: Int
    private var block = 0
    private var length = 0
    private var index = 0
    /// The last entry of the block whose positions were located, and where they start.
    private var locatedIndex = 0
    private var locatedOffset = 0

    /// Stands on the term's first entry, if it has one. `postings` must outlive the walk.
    init(postings: FieldPostings, term: Int) {
        blocks = postings.blocks(of: term)
        bytes = postings.bytes(ofPostings: term)
        documents = scratch.documents
        frequencies = scratch.frequencies
        blockCount = blocks.blockCount
        if blocks.count > 0 { load(block: 0) }
    }

    /// Whether the term has no entry (the walk then stands on nothing).
    var isEmpty: Bool { blocks.count == 0 }

    /// Goes back to the first entry.
    mutating func rewind() {
        if !isEmpty { load(block: 0) }
    }

    var document: UInt32 {
        @inline(__always) get { documents[index] }
    }

    var frequency: Int {
        @inline(__always) get { Int(frequencies[index]) }
    }

    /// Moves to the next entry; false past the last.
    @inline(__always)
    mutating func step() -> Bool {
        index += 1
        if index < length { return true }
        guard block + 1 < blockCount else { return false }
        load(block: block + 1)
        return true
    }

    /// Moves to the first entry whose document is at or after `target`; false when there is none.
    @inline(__always)
    mutating func advance(to target: UInt32) -> Bool {
        guard documents[index] < target else { return true }
        var low = index
        if documents[length - 1] < target {
            guard let found = blocks.block(endingAtOrAfter: target, after: block) else { return false }
            load(block: found)
            low = 0
        }
        index = TermBlocks.firstEntry(atOrAfter: target, in: documents, from: low, length: length)
        return true
    }

    /// Where the current entry's positions start in `bytes`, walking on from the last entry located.
    @inline(__always)
    mutating func positionsOffset() -> Int {
        if locatedIndex < index {
            TermBlocks.skipPositions(ofEntries: locatedIndex..<index, frequencies: frequencies, in: bytes, at: &locatedOffset)
            locatedIndex = index
        }
        return locatedOffset
    }

    private mutating func load(block number: Int) {
        block = number
        let previous = number == 0 ? -1 : Int64(blocks.lastDocument(ofBlock: number - 1))
        length = blocks.decode(block: number, after: previous, into: scratch)
        index = 0
        locatedIndex = 0
        locatedOffset = blocks.positionsOffset(ofBlock: number)
    }
}

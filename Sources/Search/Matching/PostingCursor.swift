/// Walks one term's postings in document order, decoding one block at a time and skipping whole
/// blocks by their last documents.
final class PostingCursor {
    static let exhausted = UInt32.max

    /// Held so the memory `blocks` points into stays mapped.
    private let postings: FieldPostings
    private let blocks: TermBlocks
    private let blockCount: Int
    /// The term's bytes, for reading positions.
    let bytes: UnsafeBufferPointer<UInt8>
    private let scratch = BlockScratch()
    /// The scratch's buffers, held directly: the hot loops read them on every entry.
    private let documents: UnsafeMutablePointer<UInt32>
    private let frequencies: UnsafeMutablePointer<UInt32>
    private var block = 0
    private var length = 0
    private var index = 0
    /// The current document, or `exhausted`.
    private(set) var document: UInt32 = PostingCursor.exhausted
    /// The last entry of the block whose positions were located, and where they start.
    private var locatedIndex = 0
    private var locatedOffset = 0

    init(postings: FieldPostings, term: Int) {
        self.postings = postings
        blocks = postings.blocks(of: term)
        blockCount = blocks.blockCount
        bytes = postings.bytes(ofPostings: term)
        documents = scratch.documents
        frequencies = scratch.frequencies
        rewind()
    }

    /// Entries of the term: its document frequency.
    var count: Int { blocks.count }

    /// The current entry's number among the term's entries.
    var ordinal: Int { block * FieldPostings.blockSize + index }

    /// Occurrences of the term in the current document (at most 255).
    var frequency: Int {
        @inline(__always) get { Int(frequencies[index]) }
    }

    func rewind() {
        load(block: 0)
    }

    /// Moves to the next entry.
    @inline(__always)
    func next() {
        guard document != Self.exhausted else { return }
        index += 1
        if index < length {
            document = documents[index]
        } else if block + 1 < blockCount {
            load(block: block + 1)
        } else {
            document = Self.exhausted
        }
    }

    /// Moves to the first entry whose document is at or after `target`.
    @inline(__always)
    func advance(to target: UInt32) {
        guard document < target else { return }
        var low = index
        if target > documents[length - 1] {
            guard let found = firstBlock(endingAtOrAfter: target) else {
                document = Self.exhausted
                return
            }
            load(block: found)
            low = 0
        }
        index = TermBlocks.firstEntry(atOrAfter: target, in: documents, from: low, length: length)
        document = documents[index]
    }

    /// Where the current entry's positions start in `bytes`, walking on from the last entry located.
    @inline(__always)
    func positionsOffset() -> Int {
        if locatedIndex > index {
            locatedIndex = 0
            locatedOffset = blocks.positionsOffset(ofBlock: block)
        }
        if locatedIndex < index {
            TermBlocks.skipPositions(ofEntries: locatedIndex..<index, frequencies: frequencies, in: bytes, at: &locatedOffset)
            locatedIndex = index
        }
        return locatedOffset
    }

    /// A later block whose last document is at or after `target`: gallop over the skip entries, then
    /// binary search. Only called when the target is past the current block.
    private func firstBlock(endingAtOrAfter target: UInt32) -> Int? {
        block(endingAtOrAfter: target, after: block)
    }

    /// Whether the term has skip entries (more than one block): only then are blocks' bounds known.
    var hasSkipEntries: Bool { blockCount > 1 }

    /// The first block after `start` whose last document is at or after `target`, found on the skip
    /// entries alone (nothing is decoded), or nil past the last block. Terms of several blocks only.
    func block(endingAtOrAfter target: UInt32, after start: Int) -> Int? {
        blocks.block(endingAtOrAfter: target, after: start)
    }

    /// A block's last document; terms of several blocks only.
    func lastDocument(ofBlock block: Int) -> UInt32 { blocks.lastDocument(ofBlock: block) }

    /// The highest frequency and shortest field in a block; terms of several blocks only.
    func bounds(ofBlock block: Int) -> (maxFrequency: UInt8, minLength: UInt16) { blocks.bounds(ofBlock: block) }

    private func load(block number: Int) {
        guard blocks.count > 0 else {
            document = Self.exhausted
            return
        }
        block = number
        let previous = number == 0 ? -1 : Int64(blocks.lastDocument(ofBlock: number - 1))
        length = blocks.decode(block: number, after: previous, into: scratch)
        index = 0
        document = documents[0]
        locatedIndex = 0
        locatedOffset = blocks.positionsOffset(ofBlock: number)
    }
}

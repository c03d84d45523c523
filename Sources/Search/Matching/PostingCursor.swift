/// Walks one term's postings in document order, decoding one block at a time and skipping whole
/// blocks by their last documents: a `BlockWalk` behind a reference, for the document sources that
/// hold one each and for walks of more than two terms.
final class PostingCursor {
    static let exhausted = UInt32.max

    /// Held so the memory the walk points into stays mapped.
    private let postings: FieldPostings
    private var walk: BlockWalk
    /// The current document, or `exhausted`.
    private(set) var document: UInt32

    init(postings: FieldPostings, term: Int) {
        self.postings = postings
        walk = BlockWalk(postings: postings, term: term)
        document = walk.isEmpty ? Self.exhausted : walk.document
    }

    /// The term's bytes, for reading positions.
    var bytes: UnsafeBufferPointer<UInt8> { walk.bytes }

    /// Occurrences of the term in the current document (at most 255).
    var frequency: Int {
        @inline(__always) get { walk.frequency }
    }

    func rewind() {
        walk.rewind()
        document = walk.isEmpty ? Self.exhausted : walk.document
    }

    /// Moves to the next entry.
    @inline(__always)
    func next() {
        guard document != Self.exhausted else { return }
        document = walk.step() ? walk.document : Self.exhausted
    }

    /// Moves to the first entry whose document is at or after `target`.
    @inline(__always)
    func advance(to target: UInt32) {
        guard document < target else { return }
        document = walk.advance(to: target) ? walk.document : Self.exhausted
    }

    /// Where the current entry's positions start in `bytes`, walking on from the last entry located.
    @inline(__always)
    func positionsOffset() -> Int { walk.positionsOffset() }

    /// Whether the term has skip entries (more than one block): only then are blocks' bounds known.
    var hasSkipEntries: Bool { walk.blocks.blockCount > 1 }

    /// The first block after `start` whose last document is at or after `target`, found on the skip
    /// entries alone (nothing is decoded), or nil past the last block. Terms of several blocks only.
    func block(endingAtOrAfter target: UInt32, after start: Int) -> Int? {
        walk.blocks.block(endingAtOrAfter: target, after: start)
    }

    /// A block's last document; terms of several blocks only.
    func lastDocument(ofBlock block: Int) -> UInt32 { walk.blocks.lastDocument(ofBlock: block) }

    /// The highest frequency and shortest field in a block; terms of several blocks only.
    func bounds(ofBlock block: Int) -> (maxFrequency: UInt8, minLength: UInt16) { walk.blocks.bounds(ofBlock: block) }
}

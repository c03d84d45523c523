/// The documents where one word stands `distance` positions after another, in one field: the usual
/// phrase, found in one pass over both terms' postings.
///
/// Each term is walked block by block in a value of its own (`BlockWalk`) that the loop keeps in
/// registers, where a cursor object is read from and written back to memory at every step; a
/// two-word phrase over two common words ("customer service") visits hundreds of thousands of
/// entries. The rarer term leads, the other leaps to its documents over whole blocks by their skip
/// entries, and positions are compared as they are decoded, without copying them anywhere.
struct PairScan {
    let postings: FieldPostings
    /// The terms' numbers in `postings`, the rarer first.
    let lead: Int
    let other: Int
    /// The other word's position minus the lead word's.
    let distance: Int

    func scan(found: (UInt32) -> Void) {
        withExtendedLifetime(postings) {
            var lead = BlockWalk(postings: postings, term: lead)
            var other = BlockWalk(postings: postings, term: other)
            while true {
                let document = lead.document
                guard other.advance(to: document) else { return }
                if other.document > document {
                    guard lead.advance(to: other.document) else { return }
                    continue
                }
                if matches(&lead, &other) { found(document) }
                guard lead.step() else { return }
            }
        }
    }

    /// Whether some position of the lead word has the other word `distance` after it, both walks
    /// standing on the same document. Both position lists ascend, so each is read once at most.
    @inline(__always)
    private func matches(_ lead: inout BlockWalk, _ other: inout BlockWalk) -> Bool {
        var leadOffset = lead.positionsOffset(), otherOffset = other.positionsOffset()
        var leadLeft = lead.frequency, otherLeft = other.frequency
        var leadPosition = Int(Varint.read(lead.bytes, at: &leadOffset))
        var otherPosition = Int(Varint.read(other.bytes, at: &otherOffset))
        while true {
            let wanted = leadPosition + distance
            if otherPosition == wanted { return true }
            if otherPosition < wanted {
                otherLeft -= 1
                guard otherLeft > 0 else { return false }
                otherPosition += Int(Varint.read(other.bytes, at: &otherOffset))
            } else {
                leadLeft -= 1
                guard leadLeft > 0 else { return false }
                leadPosition += Int(Varint.read(lead.bytes, at: &leadOffset))
            }
        }
    }
}

/// One term's entries, one decoded block at a time, with where the current entry's positions start
/// found lazily (only entries whose document both words share need them).
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

    /// Stands on the term's first entry; the term has at least one. `postings` must outlive the walk.
    init(postings: FieldPostings, term: Int) {
        blocks = postings.blocks(of: term)
        bytes = postings.bytes(ofPostings: term)
        documents = scratch.documents
        frequencies = scratch.frequencies
        blockCount = blocks.blockCount
        load(block: 0)
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

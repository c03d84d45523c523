/// Lays out a field's postings term after term (terms in byte order), as `FieldPostings` reads them.
/// Both new segments and merges write through it, so there is one encoder of the format.
struct PostingsWriter {
    private var termBytes: [UInt8] = []
    private var termOffsets: [UInt32] = [0]
    private var termStarts: [UInt32] = [0]
    private var dataOffsets: [UInt64] = [0]
    private var maxFrequency: [UInt8] = []
    private var minLength: [UInt16] = []
    private var data: [UInt8] = []
    private var entryCount = 0

    /// The term being written: its entries, and where each block's first entry's positions start.
    private var documents: [UInt32] = []
    private var frequencies: [UInt8] = []
    private var positions: [UInt8] = []
    private var blockPositions: [Int] = []
    private var lastPosition: UInt32 = 0
    private var packing = [UInt32](repeating: 0, count: FieldPostings.blockSize)

    init(expectedEntries: Int = 0) {
        data.reserveCapacity(expectedEntries * 2)
    }

    /// One occurrence of the current term; documents ascending, positions ascending within one.
    /// Only the first 255 positions of a document are kept, so the frequency is capped at 255.
    mutating func addOccurrence(document: UInt32, position: UInt32) {
        if let last = documents.last, last == document {
            guard frequencies[frequencies.count - 1] < 255, position >= lastPosition else { return }
            frequencies[frequencies.count - 1] += 1
            Varint.append(position - lastPosition, to: &positions)
        } else {
            startEntry(document: document, frequency: 1)
            Varint.append(position, to: &positions)
        }
        lastPosition = position
    }

    /// One whole entry of the current term, its positions already varint-encoded (merges).
    mutating func addEntry<Bytes: Collection<UInt8>>(document: UInt32, frequency: UInt8, positions bytes: Bytes) {
        startEntry(document: document, frequency: frequency)
        positions.append(contentsOf: bytes)
    }

    private mutating func startEntry(document: UInt32, frequency: UInt8) {
        if documents.count % FieldPostings.blockSize == 0 { blockPositions.append(positions.count) }
        documents.append(document)
        frequencies.append(frequency)
    }

    /// Writes the current term's entries under `term`; a term without entries is left out.
    mutating func finishTerm<Bytes: Collection<UInt8>>(_ term: Bytes, lengths: UnsafeBufferPointer<UInt16>) {
        defer {
            documents.removeAll(keepingCapacity: true)
            frequencies.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            blockPositions.removeAll(keepingCapacity: true)
        }
        guard !documents.isEmpty else { return }
        let start = data.count
        let blocks = (documents.count + FieldPostings.blockSize - 1) / FieldPostings.blockSize
        if blocks > 1 { data.append(contentsOf: repeatElement(0, count: blocks * TermBlocks.skipEntrySize)) }
        var skips: [Skip] = []
        var termMaxFrequency: UInt8 = 0, termMinLength = UInt16.max
        for block in 0..<blocks {
            let range = block * FieldPostings.blockSize..<min(documents.count, (block + 1) * FieldPostings.blockSize)
            let skip = writeBlock(range, termStart: start, lengths: lengths)
            skips.append(skip)
            termMaxFrequency = max(termMaxFrequency, skip.maxFrequency)
            termMinLength = min(termMinLength, skip.minLength)
        }
        let positionsStart = data.count - start
        data.append(contentsOf: positions)
        precondition(data.count - start <= Int(UInt32.max), "one term's postings exceed 4 GB")
        if blocks > 1 { writeSkipEntries(skips, at: start, positionsStart: positionsStart) }
        termBytes.append(contentsOf: term)
        termOffsets.append(UInt32(termBytes.count))
        entryCount += documents.count
        termStarts.append(UInt32(entryCount))
        dataOffsets.append(UInt64(data.count))
        maxFrequency.append(termMaxFrequency)
        minLength.append(termMinLength)
    }

    /// Writes the entries of `range` as one block: widths, then document gaps less one and
    /// frequencies less one, each bit-packed at the width its largest value needs.
    private mutating func writeBlock(_ range: Range<Int>, termStart: Int, lengths: UnsafeBufferPointer<UInt16>) -> Skip {
        var previous = range.lowerBound == 0 ? -1 : Int64(documents[range.lowerBound - 1])
        var widest: UInt32 = 0, widestFrequency: UInt32 = 0, highest: UInt8 = 0, shortest = UInt16.max
        for index in range {
            widest |= UInt32(Int64(documents[index]) - previous - 1)
            previous = Int64(documents[index])
            widestFrequency |= UInt32(frequencies[index] - 1)
            highest = max(highest, frequencies[index])
            shortest = min(shortest, lengths[Int(documents[index])])
        }
        let skip = Skip(last: documents[range.upperBound - 1], offset: data.count - termStart, maxFrequency: highest, minLength: shortest)
        let documentBits = BitPacking.width(of: widest), frequencyBits = BitPacking.width(of: widestFrequency)
        data.append(UInt8(documentBits))
        data.append(UInt8(frequencyBits))
        previous = range.lowerBound == 0 ? -1 : Int64(documents[range.lowerBound - 1])
        for (slot, index) in range.enumerated() {
            packing[slot] = UInt32(Int64(documents[index]) - previous - 1)
            previous = Int64(documents[index])
        }
        packing.withUnsafeBufferPointer { BitPacking.append(UnsafeBufferPointer(rebasing: $0[0..<range.count]), bits: documentBits, to: &data) }
        for (slot, index) in range.enumerated() { packing[slot] = UInt32(frequencies[index] - 1) }
        packing.withUnsafeBufferPointer { BitPacking.append(UnsafeBufferPointer(rebasing: $0[0..<range.count]), bits: frequencyBits, to: &data) }
        return skip
    }

    /// Fills the room left at the term's start: per block, its last document, where it and its
    /// first entry's positions start, and its bounds (see `TermBlocks`).
    private mutating func writeSkipEntries(_ skips: [Skip], at start: Int, positionsStart: Int) {
        var entries = [UInt8]()
        entries.reserveCapacity(skips.count * TermBlocks.skipEntrySize)
        for (block, skip) in skips.enumerated() {
            withUnsafeBytes(of: skip.last.littleEndian) { entries.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(skip.offset).littleEndian) { entries.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(positionsStart + blockPositions[block]).littleEndian) { entries.append(contentsOf: $0) }
            entries.append(skip.maxFrequency)
            withUnsafeBytes(of: skip.minLength.littleEndian) { entries.append(contentsOf: $0) }
        }
        data.replaceSubrange(start..<start + entries.count, with: entries)
    }

    private typealias Skip = (last: UInt32, offset: Int, maxFrequency: UInt8, minLength: UInt16)

    /// The postings written so far.
    func finish() -> FieldPostings {
        var postings = FieldPostings()
        postings.termBytes = Column(termBytes)
        postings.termOffsets = Column(termOffsets)
        postings.termStarts = Column(termStarts)
        postings.dataOffsets = Column(dataOffsets)
        postings.maxFrequency = Column(maxFrequency)
        postings.minLength = Column(minLength)
        postings.data = Column(data + repeatElement(0, count: FieldPostings.padding))
        return postings
    }
}

extension FieldPostings {
    /// The bytes the postings take, in memory or on disk.
    var byteCount: Int {
        termBytes.count + (termOffsets.count + termStarts.count) * 4 + dataOffsets.count * 8
            + maxFrequency.count * 3 + data.count
    }

    /// Terms that cut the postings into `parts` runs holding about as many entries each.
    func termBoundaries(parts: Int) -> [String] {
        guard parts > 1, termCount > parts else { return [] }
        var boundaries: [String] = []
        let total = entryCount
        var term = 0
        for part in 1..<parts {
            while term < termCount, Int(termStarts[term]) < total * part / parts { term += 1 }
            if term < termCount, boundaries.last.map({ TermOrder.less($0, self.term(term)) }) ?? true {
                boundaries.append(self.term(term))
            }
        }
        return boundaries
    }

    /// These postings followed by `other`'s, whose terms all sort after these.
    mutating func append(_ other: FieldPostings) {
        let termBase = UInt32(termBytes.count), entryBase = UInt32(entryCount), dataBase = dataOffsets[termCount]
        termBytes = Column(termBytes.array + other.termBytes.array)
        termOffsets = Column(termOffsets.array + other.termOffsets.dropFirst().map { $0 + termBase })
        termStarts = Column(termStarts.array + other.termStarts.dropFirst().map { $0 + entryBase })
        dataOffsets = Column(dataOffsets.array + other.dataOffsets.dropFirst().map { $0 + dataBase })
        maxFrequency = Column(maxFrequency.array + other.maxFrequency.array)
        minLength = Column(minLength.array + other.minLength.array)
        data = Column(Array(data.buffer[0..<Int(dataBase)]) + other.data.array)
    }

    /// Calls `body` with each entry of the term: its document, frequency and varint position bytes.
    func forEachEntry(of term: Int, _ body: (UInt32, UInt8, UnsafeBufferPointer<UInt8>) -> Void) {
        withExtendedLifetime(self) {
            let blocks = blocks(of: term)
            let bytes = UnsafeBufferPointer(start: blocks.start, count: Int(dataOffsets[term + 1] - dataOffsets[term]))
            let scratch = BlockScratch()
            var previous: Int64 = -1
            for block in 0..<blocks.blockCount {
                let length = blocks.decode(block: block, after: previous, into: scratch)
                var offset = blocks.positionsOffset(ofBlock: block)
                for index in 0..<length {
                    let start = offset
                    Varint.skip(Int(scratch.frequencies[index]), in: bytes, at: &offset)
                    body(scratch.documents[index], UInt8(scratch.frequencies[index]),
                         UnsafeBufferPointer(rebasing: bytes[start..<offset]))
                }
                previous = Int64(scratch.documents[length - 1])
            }
        }
    }
}

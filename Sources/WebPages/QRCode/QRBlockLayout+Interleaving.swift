extension QRBlockLayout {
    /// The final codeword sequence: `data` split into blocks, each block's error correction appended,
    /// then both interleaved column by column so a local smudge damages many blocks a little
    /// rather than one block beyond repair (ISO/IEC 18004 §7.6).
    func interleave(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count == dataCodewords, "the data must fill the version's data codewords exactly")
        let encoder = ReedSolomon(degree: correctionCodewordsPerBlock)
        var blocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blockCount {
            let length = shortBlockDataCodewords + (index < shortBlockCount ? 0 : 1)
            blocks.append(Array(data[start..<(start + length)]))
            start += length
        }
        let corrections = blocks.map(encoder.remainder(of:))

        var sequence: [UInt8] = []
        sequence.reserveCapacity(totalCodewords)
        // Only the long blocks have a codeword at the last data column; the short ones are skipped there.
        for column in 0..<(shortBlockDataCodewords + 1) {
            for block in blocks where column < block.count {
                sequence.append(block[column])
            }
        }
        for column in 0..<correctionCodewordsPerBlock {
            for correction in corrections {
                sequence.append(correction[column])
            }
        }
        return sequence
    }
}

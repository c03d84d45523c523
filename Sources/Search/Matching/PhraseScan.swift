/// Finds every document of one field where a phrase's terms stand at their offsets, in one pass
/// over their postings.
///
/// The rarest term leads; the others leap to its documents, skipping whole blocks. Each cursor
/// remembers where its last entry's positions started, so walking a dense list ("customer service")
/// decodes positions front to back once per block. Two-word phrases, the usual kind, go through
/// `PairScan`; longer ones decode positions into a scratch buffer.
enum PhraseScan {
    struct Term {
        /// The term's number in the field's postings.
        var number: Int
        /// Its distance from the phrase's first word.
        var offset: Int
    }

    static func documents(matching phrase: [Term], in postings: FieldPostings, documentCount: Int) -> Bitset {
        var result = Bitset(count: documentCount)
        let terms = phrase.sorted { postings.entries(of: $0.number).count < postings.entries(of: $1.number).count }
        guard terms.allSatisfy({ postings.entries(of: $0.number).count > 0 }) else { return result }
        result.withUnsafeMutableWords { words in
            let found = { (document: UInt32) in words[Int(document >> 6)] |= 1 << UInt64(document & 63) }
            if terms.count == 2 {
                PairScan(postings: postings, lead: terms[0].number, other: terms[1].number,
                         distance: terms[1].offset - terms[0].offset).scan(found: found)
            } else {
                Walk(cursors: terms.map { PostingCursor(postings: postings, term: $0.number) }, offsets: terms.map(\.offset))
                    .scan(found: found)
            }
        }
        return result
    }

    /// The terms' cursors, walked together.
    private struct Walk {
        let cursors: [PostingCursor]
        let offsets: [Int]

        func scan(found: (UInt32) -> Void) {
            let scratch = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: cursors.count * 256)
            defer { scratch.deallocate() }
            var candidate = cursors[0].document
            search: while true {
                for cursor in cursors {
                    cursor.advance(to: candidate)
                    guard cursor.document != PostingCursor.exhausted else { return }
                    if cursor.document > candidate {
                        candidate = cursor.document
                        continue search
                    }
                }
                if aligned(scratch: scratch) { found(candidate) }
                guard candidate < UInt32.max - 1 else { return }
                candidate += 1
            }
        }

        /// Whether one start position puts every term at its offset, all cursors standing on the same
        /// document. Positions are sorted, so each term's list is walked once.
        private func aligned(scratch: UnsafeMutableBufferPointer<UInt32>) -> Bool {
            let counts = cursors.indices.map { decode(cursors[$0], into: scratch, slot: $0) }
            var walked = [Int](repeating: 0, count: cursors.count)
            for first in 0..<counts[0] {
                let start = Int(scratch[first]) - offsets[0]
                var all = true
                for index in 1..<cursors.count {
                    let wanted = start + offsets[index]
                    let base = index * 256
                    while walked[index] < counts[index], Int(scratch[base + walked[index]]) < wanted { walked[index] += 1 }
                    if walked[index] == counts[index] { return false }
                    if Int(scratch[base + walked[index]]) != wanted { all = false }
                }
                if all { return true }
            }
            return false
        }

        /// Decodes the cursor's current positions into its part of `scratch`; returns how many.
        private func decode(_ cursor: PostingCursor, into scratch: UnsafeMutableBufferPointer<UInt32>, slot: Int) -> Int {
            var offset = cursor.positionsOffset()
            let count = cursor.frequency
            var position: UInt32 = 0
            for index in 0..<count {
                position &+= Varint.read(cursor.bytes, at: &offset)
                scratch[slot * 256 + index] = position
            }
            return count
        }
    }
}

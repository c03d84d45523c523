/// Finds every document of one field where a phrase's terms stand at their offsets, in one pass
/// over their postings.
///
/// The rarest term leads; the others leap to its documents, skipping whole blocks. Each cursor
/// remembers where its last entry's positions started, so walking a dense list ("customer service")
/// decodes positions front to back once per block. Two-word phrases, the usual kind, compare
/// positions as they are decoded; longer ones decode into a scratch buffer.
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
        let cursors = terms.map { PostingCursor(postings: postings, term: $0.number) }
        guard cursors.allSatisfy({ $0.document != PostingCursor.exhausted }) else { return result }
        let walk = Walk(cursors: cursors, offsets: terms.map(\.offset))
        result.withUnsafeMutableWords { words in
            walk.scan { words[Int($0 >> 6)] |= 1 << UInt64($0 & 63) }
        }
        return result
    }

    /// The terms' cursors, walked together.
    private struct Walk {
        let cursors: [PostingCursor]
        let offsets: [Int]

        func scan(found: (UInt32) -> Void) {
            if cursors.count == 2 { return scanPair(found: found) }
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

        /// Two words, the usual phrase: both lists are walked in step and positions compared as they
        /// are decoded, without copying them anywhere (most entries hold a single position).
        private func scanPair(found: (UInt32) -> Void) {
            let lead = cursors[0], other = cursors[1]
            let distance = offsets[1] - offsets[0]
            while lead.document != PostingCursor.exhausted {
                let document = lead.document
                other.advance(to: document)
                guard other.document != PostingCursor.exhausted else { return }
                if other.document > document {
                    lead.advance(to: other.document)
                    continue
                }
                var leadOffset = lead.positionsOffset(), otherOffset = other.positionsOffset()
                var leadLeft = lead.frequency, otherLeft = other.frequency
                var leadPosition = Int(Varint.read(lead.bytes, at: &leadOffset))
                var otherPosition = Int(Varint.read(other.bytes, at: &otherOffset))
                while true {
                    let wanted = leadPosition + distance
                    if otherPosition == wanted {
                        found(document)
                        break
                    }
                    if otherPosition < wanted {
                        otherLeft -= 1
                        guard otherLeft > 0 else { break }
                        otherPosition += Int(Varint.read(other.bytes, at: &otherOffset))
                    } else {
                        leadLeft -= 1
                        guard leadLeft > 0 else { break }
                        leadPosition += Int(Varint.read(lead.bytes, at: &leadOffset))
                    }
                }
                lead.next()
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

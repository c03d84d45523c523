/// Finds every document of one field where a phrase's terms stand at their offsets, in one pass
/// over their postings.
///
/// The rarest term leads; the others leap to its documents. Each term remembers where its last
/// entry's positions started, so walking a dense list ("customer service") decodes positions
/// front to back once instead of seeking from a checkpoint at every candidate. Two-word phrases,
/// the usual kind, compare positions as they are decoded; longer ones decode into a scratch buffer.
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
        let cursors = UnsafeMutableBufferPointer<Cursor>.allocate(capacity: terms.count)
        _ = cursors.initialize(from: terms.map { Cursor(entries: postings.entries(of: $0.number), offset: $0.offset) })
        let scratch = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: terms.count * 256)
        let counters = UnsafeMutableBufferPointer<Int>.allocate(capacity: terms.count * 2)
        defer {
            cursors.deallocate()
            scratch.deallocate()
            counters.deallocate()
        }
        postings.documents.withUnsafeBufferPointer { documents in
            postings.frequencies.withUnsafeBufferPointer { frequencies in
                postings.positions.withUnsafeBufferPointer { positions in
                    postings.checkpoints.withUnsafeBufferPointer { checkpoints in
                        let lists = Lists(documents: documents, frequencies: frequencies, positions: positions,
                                          checkpoints: checkpoints, scratch: scratch, counters: counters)
                        result.withUnsafeMutableWords { words in
                            lists.scan(cursors) { words[Int($0 >> 6)] |= 1 << UInt64($0 & 63) }
                        }
                    }
                }
            }
        }
        return result
    }

    /// One term's walk through its entries.
    fileprivate struct Cursor {
        var entry: Int
        let end: Int
        let offset: Int
        /// The last entry whose positions were located (-1: none yet), and where they start.
        var knownEntry = -1
        var knownOffset = 0

        init(entries: Range<Int>, offset: Int) {
            entry = entries.lowerBound
            end = entries.upperBound
            self.offset = offset
        }
    }

    /// The field's arrays, held for the whole scan.
    fileprivate struct Lists {
        let documents: UnsafeBufferPointer<UInt32>
        let frequencies: UnsafeBufferPointer<UInt8>
        let positions: UnsafeBufferPointer<UInt8>
        let checkpoints: UnsafeBufferPointer<UInt64>
        /// 256 decoded positions per term (frequencies are capped at 255).
        let scratch: UnsafeMutableBufferPointer<UInt32>
        /// Per term: how many positions were decoded, then how far the alignment walk got.
        let counters: UnsafeMutableBufferPointer<Int>

        func scan(_ cursors: UnsafeMutableBufferPointer<Cursor>, found: (UInt32) -> Void) {
            guard cursors.allSatisfy({ $0.entry < $0.end }) else { return }
            if cursors.count == 2 { return scanPair(&cursors[0], &cursors[1], found: found) }
            var candidate = documents[cursors[0].entry]
            search: while true {
                for index in cursors.indices {
                    advance(&cursors[index], to: candidate)
                    guard cursors[index].entry < cursors[index].end else { return }
                    let document = documents[cursors[index].entry]
                    if document > candidate {
                        candidate = document
                        continue search
                    }
                }
                if aligned(cursors) { found(candidate) }
                guard candidate < UInt32.max - 1 else { return }
                candidate += 1
            }
        }

        /// Two words, the usual phrase: both lists are walked in step and positions compared as they
        /// are decoded, without copying them anywhere (most entries hold a single position).
        private func scanPair(_ lead: inout Cursor, _ other: inout Cursor, found: (UInt32) -> Void) {
            let distance = other.offset - lead.offset
            while lead.entry < lead.end {
                let document = documents[lead.entry]
                advance(&other, to: document)
                guard other.entry < other.end else { return }
                let otherDocument = documents[other.entry]
                if otherDocument > document {
                    advance(&lead, to: otherDocument)
                    continue
                }
                var leadOffset = locate(&lead), otherOffset = locate(&other)
                var leadLeft = Int(frequencies[lead.entry]), otherLeft = Int(frequencies[other.entry])
                var leadPosition = Int(Varint.read(positions, at: &leadOffset))
                var otherPosition = Int(Varint.read(positions, at: &otherOffset))
                while true {
                    let wanted = leadPosition + distance
                    if otherPosition == wanted {
                        found(document)
                        break
                    }
                    if otherPosition < wanted {
                        otherLeft -= 1
                        guard otherLeft > 0 else { break }
                        otherPosition += Int(Varint.read(positions, at: &otherOffset))
                    } else {
                        leadLeft -= 1
                        guard leadLeft > 0 else { break }
                        leadPosition += Int(Varint.read(positions, at: &leadOffset))
                    }
                }
                lead.entry += 1
            }
        }

        /// Where the current entry's positions start, walking on from the last entry located.
        @inline(__always)
        private func locate(_ cursor: inout Cursor) -> Int {
            let offset = FieldPostings.positionOffset(
                ofEntry: cursor.entry, from: cursor.knownEntry >= 0 ? (cursor.knownEntry, cursor.knownOffset) : nil,
                frequencies: frequencies, positions: positions, checkpoints: checkpoints
            )
            cursor.knownEntry = cursor.entry
            cursor.knownOffset = offset
            return offset
        }

        /// Moves to the first entry at or after `target`: gallop, then binary search.
        @inline(__always)
        private func advance(_ cursor: inout Cursor, to target: UInt32) {
            guard cursor.entry < cursor.end, documents[cursor.entry] < target else { return }
            var low = cursor.entry, step = 1, high = cursor.entry + 1
            while high < cursor.end, documents[high] < target {
                low = high
                step <<= 1
                high = cursor.entry + step
            }
            high = min(high, cursor.end)
            while low < high {
                let middle = (low + high) >> 1
                if documents[middle] < target { low = middle + 1 } else { high = middle }
            }
            cursor.entry = low
        }

        /// Whether one start position puts every term at its offset. Positions are sorted, so each
        /// term's list is walked once.
        private func aligned(_ cursors: UnsafeMutableBufferPointer<Cursor>) -> Bool {
            let terms = cursors.count
            for index in 0..<terms {
                counters[index] = decode(&cursors[index], into: index)
                counters[terms + index] = 0
            }
            for first in 0..<counters[0] {
                let start = Int(scratch[first]) - cursors[0].offset
                var all = true
                for index in 1..<cursors.count {
                    let wanted = start + cursors[index].offset
                    let base = index * 256
                    let count = counters[index]
                    var walked = counters[terms + index]
                    while walked < count, Int(scratch[base + walked]) < wanted { walked += 1 }
                    counters[terms + index] = walked
                    if walked == count { return false }
                    if Int(scratch[base + walked]) != wanted { all = false }
                }
                if all { return true }
            }
            return false
        }

        /// Decodes the current entry's positions into the term's part of `scratch`; returns how many.
        private func decode(_ cursor: inout Cursor, into slot: Int) -> Int {
            var offset = locate(&cursor)
            let count = Int(frequencies[cursor.entry])
            var position: UInt32 = 0
            for index in 0..<count {
                position &+= Varint.read(positions, at: &offset)
                scratch[slot * 256 + index] = position
            }
            return count
        }
    }
}

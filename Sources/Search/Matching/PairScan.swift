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

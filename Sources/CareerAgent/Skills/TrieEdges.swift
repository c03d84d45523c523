/// The trie's edges from inner nodes: an open-addressing table from `(node << 32 | word)` to the
/// child, with a multiplicative hash. Standard dictionaries hash with SipHash, which cost more than
/// the rest of a posting's reading. A key and its child share a slot, so a lookup reads one cache line.
///
/// The table (megabytes for ESCO's phrases) is far larger than a core's cache, and most lookups are for
/// an edge that does not exist: a word that starts phrases followed by one that continues none of them.
/// A bit per key's hash in a filter an eighth of the table's size answers most of those without the table.
struct TrieEdges: Sendable {
    private struct Slot {
        var key: UInt64
        var child: Int32
    }

    private var slots: [Slot]
    /// Four bits per slot: a key's bit is set whenever it is in the table.
    private var filter: [UInt64]
    private var count = 0
    private static let empty = UInt64.max

    init() {
        slots = [Slot](repeating: Slot(key: Self.empty, child: 0), count: 1 << 12)
        filter = [UInt64](repeating: 0, count: (1 << 12) * 4 / 64)
    }

    @inline(__always)
    static func key(node: Int32, word: Int32) -> UInt64 {
        UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The key's bit in a filter of `words` 64-bit words, from other bits of the product than the slot's.
    @inline(__always)
    private static func filterBit(_ key: UInt64, words: Int) -> (word: Int, mask: UInt64) {
        let bit = Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> 40) & (words * 64 - 1)
        return (bit >> 6, 1 << UInt64(bit & 63))
    }

    @inline(__always)
    func child(_ key: UInt64) -> Int32? {
        let (word, mask) = Self.filterBit(key, words: filter.count)
        guard filter[word] & mask != 0 else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(key, mask: mask)
            while true {
                let stored = slots[slot]
                if stored.key == key { return stored.child }
                if stored.key == Self.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, child: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Self.slot(key, mask: mask)
        while slots[slot].key != Self.empty && slots[slot].key != key { slot = (slot + 1) & mask }
        if slots[slot].key == Self.empty { count += 1 }
        slots[slot] = Slot(key: key, child: child)
        let (word, bit) = Self.filterBit(key, words: filter.count)
        filter[word] |= bit
    }

    /// The same edges with every node, parent and child, numbered anew by `numbers[old]`.
    func renumbered(_ numbers: [Int32]) -> TrieEdges {
        var edges = TrieEdges()
        for slot in slots where slot.key != Self.empty {
            let node = Int32(truncatingIfNeeded: slot.key >> 32), word = Int32(truncatingIfNeeded: slot.key & 0xFFFF_FFFF)
            edges.insert(Self.key(node: numbers[Int(node)], word: word), child: numbers[Int(slot.child)])
        }
        return edges
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: Self.empty, child: 0), count: old.count * 2)
        filter = [UInt64](repeating: 0, count: slots.count * 4 / 64)
        count = 0
        for slot in old where slot.key != Self.empty { insert(slot.key, child: slot.child) }
    }
}

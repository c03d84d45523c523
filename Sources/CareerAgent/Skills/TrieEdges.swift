/// The trie's edges from inner nodes: an open-addressing table from `(node << 32 | word)` to the
/// child, with a multiplicative hash. Standard dictionaries hash with SipHash, which cost more than
/// the rest of a posting's reading. A key and its child share a slot, so a lookup reads one cache line.
struct TrieEdges: Sendable {
    private struct Slot {
        var key: UInt64
        var child: Int32
    }

    private var slots: [Slot]
    private var count = 0
    private static let empty = UInt64.max

    init() {
        slots = [Slot](repeating: Slot(key: Self.empty, child: 0), count: 1 << 12)
    }

    @inline(__always)
    static func key(node: Int32, word: Int32) -> UInt64 {
        UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    @inline(__always)
    func child(_ key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
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
        count = 0
        for slot in old where slot.key != Self.empty { insert(slot.key, child: slot.child) }
    }
}

import Foundation

/// An open-addressing hash table from folded words (as bytes) to small integers, so indexing looks
/// up each word without making a String of it. Words are copied once into one byte arena.
public struct WordTable: Sendable {
    @usableFromInline var arena: [UInt8] = []
    /// Per entry: where its word starts in `arena`, its length and its value.
    @usableFromInline var starts: [UInt32] = []
    @usableFromInline var lengths: [UInt32] = []
    public private(set) var values: [Int32] = []
    /// Entry index + 1 per slot, 0 when empty; the count of slots is a power of two.
    @usableFromInline var slots = [Int32](repeating: 0, count: 1024)

    public init() {}

    public var count: Int { values.count }

    /// The entry of `word`, if it was added.
    @inlinable
    public func entry(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !word.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    lengths.withUnsafeBufferPointer { lengths in
                        while true {
                            let stored = Int(slots[slot])
                            if stored == 0 { return nil }
                            let entry = stored - 1
                            if Int(lengths[entry]) == word.count,
                               memcmp(arena.baseAddress! + Int(starts[entry]), word.baseAddress!, word.count) == 0 {
                                return entry
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// Adds a word that is not in the table; returns its entry.
    public mutating func add(_ word: UnsafeBufferPointer<UInt8>, value: Int32) -> Int {
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = values.count
        starts.append(UInt32(arena.count))
        lengths.append(UInt32(word.count))
        arena.append(contentsOf: word)
        values.append(value)
        insert(entry, hash: Self.hash(word))
        return entry
    }

    public mutating func setValue(_ value: Int32, of entry: Int) {
        values[entry] = value
    }

    mutating func insert(_ entry: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for entry in values.indices {
            let start = Int(starts[entry]), length = Int(lengths[entry])
            let hash = arena.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
            insert(entry, hash: hash)
        }
    }

    /// FNV-1a, then mixed so the low bits (the slot) depend on every byte.
    @inlinable @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 29
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }
}

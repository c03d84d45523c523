/// An open-addressing hash table from folded words (as bytes) to small integers, so indexing looks
/// up each word without making a String of it. Words are copied once into one byte arena.
public struct WordTable: Sendable {
    /// One slot: where its word is and which entry it is, with part of the word's hash. A lookup reads the
    /// slot, then the word's bytes only when hash and length agree: a segment's vocabulary is far larger than
    /// a core's cache, and every array a lookup reads is a cache miss for a word that is not among the common ones.
    @usableFromInline struct Slot: Sendable {
        /// The high half of the word's hash (the low bits chose the slot).
        @usableFromInline var tag: UInt32
        @usableFromInline var length: UInt32
        @usableFromInline var start: UInt32
        /// The entry's index + 1; 0 when the slot is empty.
        @usableFromInline var entryPlusOne: UInt32

        @usableFromInline static let empty = Slot(tag: 0, length: 0, start: 0, entryPlusOne: 0)

        @usableFromInline init(tag: UInt32, length: UInt32, start: UInt32, entryPlusOne: UInt32) {
            self.tag = tag
            self.length = length
            self.start = start
            self.entryPlusOne = entryPlusOne
        }
    }

    /// Every word's bytes, one after another; a slot says where its word is.
    @usableFromInline var arena: [UInt8] = []
    /// Per entry, its value.
    public private(set) var values: [Int32] = []
    /// The count of slots is a power of two, at least twice the entries.
    @usableFromInline var slots = [Slot](repeating: .empty, count: 1024)

    public init() {}

    public var count: Int { values.count }

    /// The entry of `word`, if it was added.
    @inlinable
    public func entry(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !word.isEmpty else { return nil }
        let mask = slots.count - 1
        let hash = Self.hash(word)
        let tag = Self.tag(hash)
        var slot = hash & mask
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let stored = slots[slot]
                    if stored.entryPlusOne == 0 { return nil }
                    if stored.tag == tag, Int(stored.length) == word.count,
                       Self.bytesEqual(arena.baseAddress! + Int(stored.start), word.baseAddress!, count: word.count) {
                        return Int(stored.entryPlusOne) - 1
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Whether `count` bytes at `left` and `right` are the same, compared in place: words are a few bytes
    /// long, and a call to `memcmp` for each cost more than the comparison.
    @inlinable @inline(__always)
    static func bytesEqual(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            guard UnsafeRawPointer(left).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == UnsafeRawPointer(right).loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < count {
            guard left[offset] == right[offset] else { return false }
            offset += 1
        }
        return true
    }

    @inlinable @inline(__always)
    static func tag(_ hash: Int) -> UInt32 { UInt32(truncatingIfNeeded: UInt(bitPattern: hash) >> 32) }

    /// Adds a word that is not in the table; returns its entry.
    public mutating func add(_ word: UnsafeBufferPointer<UInt8>, value: Int32) -> Int {
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = values.count
        let hash = Self.hash(word)
        insert(Slot(tag: Self.tag(hash), length: UInt32(word.count), start: UInt32(arena.count), entryPlusOne: UInt32(entry + 1)),
               hash: hash)
        arena.append(contentsOf: word)
        values.append(value)
        return entry
    }

    public mutating func setValue(_ value: Int32, of entry: Int) {
        values[entry] = value
    }

    mutating func insert(_ filled: Slot, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot].entryPlusOne != 0 { slot = (slot + 1) & mask }
        slots[slot] = filled
    }

    mutating func grow() {
        let previous = slots
        slots = [Slot](repeating: .empty, count: slots.count * 2)
        for slot in previous where slot.entryPlusOne != 0 {
            let start = Int(slot.start), end = start + Int(slot.length)
            insert(slot, hash: arena.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) })
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

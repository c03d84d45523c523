/// A fixed-size set of document numbers, one bit each, with the whole-set operations the
/// search pipeline combines filters with.
struct Bitset: Sendable, Equatable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    init(count: Int, words: [UInt64]) {
        precondition(words.count == (count + 63) / 64)
        self.count = count
        self.words = words
    }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inline(__always)
    mutating func remove(_ index: Int) {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }

    var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether more than half of the range is in the set: what a filter with no words (a location
    /// or company alone) leaves of a segment, where working on the few left out is cheaper.
    var holdsMost: Bool { cardinality * 2 > count }

    mutating func formIntersection(_ other: Bitset) {
        for index in words.indices { words[index] &= other.words[index] }
    }

    mutating func formUnion(_ other: Bitset) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    mutating func subtract(_ other: Bitset) {
        for index in words.indices { words[index] &= ~other.words[index] }
    }

    /// How many members both sets have, without building the intersection.
    /// Four words per step into four sums: the steps are independent, so they overlap, where one sum
    /// waits for each word before the next (a large facet count runs this over 128 sets per search).
    func intersectionCount(_ other: Bitset) -> Int {
        words.withUnsafeBufferPointer { left in
            other.words.withUnsafeBufferPointer { right in
                let count = min(left.count, right.count), whole = count & ~3
                var (first, second, third, fourth) = (0, 0, 0, 0)
                var index = 0
                while index < whole {
                    first &+= (left[index] & right[index]).nonzeroBitCount
                    second &+= (left[index + 1] & right[index + 1]).nonzeroBitCount
                    third &+= (left[index + 2] & right[index + 2]).nonzeroBitCount
                    fourth &+= (left[index + 3] & right[index + 3]).nonzeroBitCount
                    index += 4
                }
                while index < count {
                    first &+= (left[index] & right[index]).nonzeroBitCount
                    index += 1
                }
                return first &+ second &+ third &+ fourth
            }
        }
    }

    func intersection(_ other: Bitset) -> Bitset {
        var result = self
        result.formIntersection(other)
        return result
    }

    func complement() -> Bitset {
        var result = Bitset(count: count, words: words.map { ~$0 })
        result.clearTail()
        return result
    }

    /// The smallest member at or after `start`, or nil.
    func firstMember(from start: Int) -> Int? {
        guard start < count else { return nil }
        var index = start >> 6
        var word = words[index] & (UInt64.max << UInt64(start & 63))
        while word == 0 {
            index += 1
            guard index < words.count else { return nil }
            word = words[index]
        }
        return index << 6 | word.trailingZeroBitCount
    }

    /// Direct access to the words, for loops that set many bits.
    mutating func withUnsafeMutableWords<Result>(_ body: (UnsafeMutableBufferPointer<UInt64>) -> Result) -> Result {
        words.withUnsafeMutableBufferPointer { body($0) }
    }

    var isEmpty: Bool { !words.contains { $0 != 0 } }

    /// Calls `body` with every member in ascending order.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        walk { body($0); return true }
    }

    /// Calls `body` with members in ascending order until it returns false.
    @inline(__always)
    func walk(while body: (Int) -> Bool) {
        for index in words.indices {
            var word = words[index]
            while word != 0 {
                guard body(index << 6 | word.trailingZeroBitCount) else { return }
                word &= word &- 1
            }
        }
    }

    private mutating func clearTail() {
        let extra = words.count * 64 - count
        if extra > 0 { words[words.count - 1] &= UInt64.max >> UInt64(extra) }
    }
}

/// LEB128 variable-length integers: positions are small deltas, most fit in one byte.
enum Varint {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Reads one value at `offset` and moves `offset` past it.
    @inline(__always)
    static func read<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: inout Int) -> UInt32
    where Bytes.Index == Int {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Moves `offset` past `count` values without decoding them.
    @inline(__always)
    static func skip<Bytes: RandomAccessCollection<UInt8>>(_ count: Int, in bytes: Bytes, at offset: inout Int)
    where Bytes.Index == Int {
        var remaining = count
        while remaining > 0 {
            if bytes[offset] < 0x80 { remaining -= 1 }
            offset += 1
        }
    }

    /// Moves `offset` past `count` values, eight bytes at a time while whole words hold fewer value
    /// ends than are left to skip (a byte below 0x80 ends a value): skipping the positions of many
    /// entries, as a cursor leaping over a dense list does, is then a few word reads.
    @inline(__always)
    static func skipMany(_ count: Int, in bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) {
        var remaining = count
        if let base = bytes.baseAddress {
            while remaining > 8, offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
                guard ends < remaining else { break }
                remaining -= ends
                offset += 8
            }
        }
        skip(remaining, in: bytes, at: &offset)
    }
}

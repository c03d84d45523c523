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
}

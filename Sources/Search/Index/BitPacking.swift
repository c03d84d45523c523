/// Small integers packed at a fixed bit width, least significant bits first: a block of postings
/// stores its document gaps and frequencies this way, in as many bits as its largest value needs.
enum BitPacking {
    /// The bits `value` needs (0 for 0).
    @inline(__always)
    static func width(of value: UInt32) -> Int { 32 - value.leadingZeroBitCount }

    /// Appends `values`, `bits` each, padded to a whole byte.
    static func append(_ values: UnsafeBufferPointer<UInt32>, bits: Int, to bytes: inout [UInt8]) {
        guard bits > 0 else { return }
        var pending: UInt64 = 0
        var pendingBits = 0
        for value in values {
            pending |= UInt64(value) << UInt64(pendingBits)
            pendingBits += bits
            while pendingBits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: pending))
                pending >>= 8
                pendingBits -= 8
            }
        }
        if pendingBits > 0 { bytes.append(UInt8(truncatingIfNeeded: pending)) }
    }

    /// The bytes `count` values of `bits` take.
    @inline(__always)
    static func byteCount(count: Int, bits: Int) -> Int { (count * bits + 7) >> 3 }

    /// Reads `count` values of `bits` at `source` into `values`. Reads whole words, so up to 7 bytes
    /// past the packed values must be readable (postings data ends with that much padding).
    @inline(__always)
    static func unpack(_ source: UnsafeRawPointer, count: Int, bits: Int, into values: UnsafeMutablePointer<UInt32>) {
        guard bits > 0 else {
            values.update(repeating: 0, count: count)
            return
        }
        let mask = (UInt64(1) << UInt64(bits)) &- 1
        var bit = 0
        for index in 0..<count {
            let word = source.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self)
            values[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit += bits
        }
    }
}

extension QRCode {
    /// Why a text cannot become a QR code.
    public enum EncodingError: Error, Equatable, Sendable {
        /// The text's UTF-8 bytes exceed what version 40 holds at the requested correction level.
        case textTooLong(byteCount: Int, maximum: Int)
    }

    /// Encodes `text` as UTF-8 in byte mode, in the smallest version that holds it at `correction`,
    /// with the data mask that scores the lowest penalty.
    public init(encoding text: String, correction: Correction = .medium) throws(EncodingError) {
        let bytes = Array(text.utf8)
        guard let version = QRVersion.all.first(where: { Self.fits(bytes.count, in: $0, correction) }) else {
            let largest = QRVersion(40)
            let maximum = (largest.dataCapacityBits(correction) - 4 - largest.byteCountBits) / 8
            throw .textTooLong(byteCount: bytes.count, maximum: maximum)
        }
        let layout = version.blockLayout(correction)
        let codewords = layout.interleave(Self.dataCodewords(bytes, version: version, count: layout.dataCodewords))

        var matrix = QRMatrix(version: version)
        matrix.place(codewords)
        let mask = QRMask.lowestPenalty(for: matrix)
        matrix.apply(mask)
        matrix.drawFormatInformation(correction: correction, mask: mask)
        matrix.drawVersionInformation(version)
        self.init(modules: matrix.modules)
    }

    /// Byte mode spends a 4-bit mode indicator and a character count before the bytes themselves.
    private static func fits(_ byteCount: Int, in version: QRVersion, _ correction: Correction) -> Bool {
        guard byteCount < 1 << version.byteCountBits else { return false }
        return 4 + version.byteCountBits + byteCount * 8 <= version.dataCapacityBits(correction)
    }

    /// Mode indicator, count and bytes, then the terminator, zero bits to a byte boundary
    /// and the alternating pad codewords 0xEC 0x11 until the data capacity is full (ISO/IEC 18004 §7.4).
    private static func dataCodewords(_ bytes: [UInt8], version: QRVersion, count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.append(0b0100, width: 4)
        bits.append(bytes.count, width: version.byteCountBits)
        for byte in bytes { bits.append(Int(byte), width: 8) }
        bits.append(0, width: min(4, count * 8 - bits.count))
        bits.append(0, width: (8 - bits.count % 8) % 8)

        var codewords = bits.bytes
        var pads: [UInt8] = [0xEC, 0x11]
        while codewords.count < count {
            codewords.append(pads[0])
            pads.swapAt(0, 1)
        }
        return codewords
    }
}

/// Bits appended most significant first and read back as whole bytes.
private struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    mutating func append(_ value: Int, width: Int) {
        for shift in stride(from: width - 1, through: 0, by: -1) {
            if count % 8 == 0 { bytes.append(0) }
            if (value >> shift) & 1 == 1 { bytes[bytes.count - 1] |= 0x80 >> (count % 8) }
            count += 1
        }
    }
}

extension QRMatrix {
    /// Writes the 15-bit format information twice (around the top-left finder, and split between the
    /// other two) and the dark module beside the bottom-left finder (ISO/IEC 18004 §7.9).
    mutating func drawFormatInformation(correction: QRCode.Correction, mask: QRMask) {
        let bits = Self.formatBits(correction: correction, mask: mask)
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }

        for index in 0...5 { setFunction(row: index, column: 8, dark: bit(index)) }
        setFunction(row: 7, column: 8, dark: bit(6))
        setFunction(row: 8, column: 8, dark: bit(7))
        setFunction(row: 8, column: 7, dark: bit(8))
        for index in 9..<15 { setFunction(row: 8, column: 14 - index, dark: bit(index)) }

        for index in 0..<8 { setFunction(row: 8, column: size - 1 - index, dark: bit(index)) }
        for index in 8..<15 { setFunction(row: size - 15 + index, column: 8, dark: bit(index)) }
        setFunction(row: size - 8, column: 8, dark: true)
    }

    /// Writes the 18-bit version information as two 6×3 blocks near the top-right and bottom-left
    /// finders; versions below 7 have none (ISO/IEC 18004 §7.10).
    mutating func drawVersionInformation(_ version: QRVersion) {
        guard version.number >= 7 else { return }
        let bits = Self.versionBits(version)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let (long, short) = (size - 11 + index % 3, index / 3)
            setFunction(row: short, column: long, dark: dark)
            setFunction(row: long, column: short, dark: dark)
        }
    }

    /// Level and mask protected by a (15, 5) BCH code, then XOR-ed with 0x5412
    /// so that no valid format information is all light.
    static func formatBits(correction: QRCode.Correction, mask: QRMask) -> Int {
        let data = correction.formatBits << 3 | mask.rawValue
        return (data << 10 | bchRemainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// The version number protected by an (18, 6) BCH code.
    static func versionBits(_ version: QRVersion) -> Int {
        version.number << 12 | bchRemainder(version.number, generator: 0x1F25, degree: 12)
    }

    /// The remainder of `data` · x^degree divided by `generator`, bit by bit over GF(2).
    private static func bchRemainder(_ data: Int, generator: Int, degree: Int) -> Int {
        var remainder = data
        for _ in 0..<degree {
            remainder = (remainder << 1) ^ ((remainder >> (degree - 1)) * generator)
        }
        return remainder
    }
}

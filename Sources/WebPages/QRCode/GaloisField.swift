/// Arithmetic in GF(256) as QR codes define it: bytes are polynomials over GF(2)
/// reduced by x⁸ + x⁴ + x³ + x² + 1 (0x11D), and α = 2 generates every non-zero element.
enum GaloisField {
    /// αⁱ for i in 0..<510: doubling the period lets `multiply` add two logarithms without a modulo.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// The discrete logarithm of every non-zero byte; the entry for 0 is never read.
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 { table[Int(exponents[power])] = power }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }
}

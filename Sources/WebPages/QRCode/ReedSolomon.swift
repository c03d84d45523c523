/// Computes the error-correction codewords for one block: the remainder of the block,
/// read as a polynomial times x^degree, divided by the generator (x − α⁰)(x − α¹)…(x − α^(degree−1)).
struct ReedSolomon: Sendable {
    /// The generator's coefficients from x^(degree−1) down to x⁰; its leading coefficient is always 1.
    let generator: [UInt8]

    init(degree: Int) {
        precondition(degree > 0 && degree < 255, "a Reed–Solomon degree must be in 1...254")
        // Multiply the running product by (x − αⁱ) one root at a time; in GF(256) subtraction is addition.
        var coefficients: [UInt8] = [1]
        for power in 0..<degree {
            let root = GaloisField.exponents[power]
            var product = coefficients + [0]
            for index in coefficients.indices {
                product[index + 1] ^= GaloisField.multiply(coefficients[index], root)
            }
            coefficients = product
        }
        generator = Array(coefficients.dropFirst())
    }

    var degree: Int { generator.count }

    /// The `degree` error-correction codewords that follow `data` in its block.
    func remainder(of data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree {
                remainder[index] ^= GaloisField.multiply(generator[index], factor)
            }
        }
        return remainder
    }
}

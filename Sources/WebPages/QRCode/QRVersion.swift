/// One of the forty symbol sizes, from 21×21 (version 1) to 177×177 (version 40) modules.
struct QRVersion: Sendable, Hashable {
    let number: Int

    init(_ number: Int) {
        precondition((1...40).contains(number), "QR versions run from 1 to 40")
        self.number = number
    }

    static let all = (1...40).map(QRVersion.init)

    var size: Int { number * 4 + 17 }

    /// Row and column coordinates of the alignment pattern centres (ISO/IEC 18004 Annex E).
    /// They are spread evenly from the far edge back to 6, with an even step, which reproduces the table.
    var alignmentCenters: [Int] {
        if number == 1 { return [] }
        let count = number / 7 + 2
        let step = (number * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        let rest = (0..<(count - 1)).map { size - 7 - $0 * step }
        return [6] + rest.reversed()
    }

    /// Modules left for codewords once the function patterns, format and version information are drawn.
    var rawDataModules: Int {
        var modules = (16 * number + 128) * number + 64
        if number >= 2 {
            let alignments = number / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if number >= 7 { modules -= 36 }
        }
        return modules
    }

    /// Data and error-correction codewords together; the few modules over a whole byte stay as remainder bits.
    var totalCodewords: Int { rawDataModules / 8 }

    /// Width of the byte-mode character count, which grows once the versions hold more than 255 bytes.
    var byteCountBits: Int { number < 10 ? 8 : 16 }
}

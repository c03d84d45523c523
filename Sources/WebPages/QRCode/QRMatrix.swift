/// A symbol under construction: the modules, and which of them belong to function patterns
/// (finders, separators, timing, alignment, format and version areas) and so never carry data or a mask.
struct QRMatrix: Sendable {
    let size: Int
    private(set) var modules: [[Bool]]
    private(set) var isFunction: [[Bool]]

    /// A matrix with every function pattern drawn and the format and version areas reserved but light:
    /// masks are scored before that information is known, as ISO/IEC 18004 §7.8 prescribes.
    init(version: QRVersion) {
        size = version.size
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules

        for index in 0..<size {
            setFunction(row: 6, column: index, dark: index % 2 == 0)
            setFunction(row: index, column: 6, dark: index % 2 == 0)
        }
        drawFinder(row: 3, column: 3)
        drawFinder(row: 3, column: size - 4)
        drawFinder(row: size - 4, column: 3)

        // Alignment patterns sit at every pair of centres except the three that fall on a finder.
        let centers = version.alignmentCenters
        let last = centers.count - 1
        for (i, row) in centers.enumerated() {
            for (j, column) in centers.enumerated() {
                let onFinder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)
                if !onFinder { drawAlignment(row: row, column: column) }
            }
        }

        // Format information beside each finder; the two timing modules it crosses keep their colour.
        for index in 0...8 {
            setFunction(row: 8, column: index, dark: modules[8][index])
            setFunction(row: index, column: 8, dark: modules[index][8])
        }
        for index in 0..<8 {
            setFunction(row: 8, column: size - 1 - index, dark: false)
            setFunction(row: size - 1 - index, column: 8, dark: false)
        }
        // Version information: a 6×3 block left of the top-right finder and its mirror above the bottom-left one.
        if version.number >= 7 {
            for long in (size - 11)..<(size - 8) {
                for short in 0..<6 {
                    setFunction(row: short, column: long, dark: false)
                    setFunction(row: long, column: short, dark: false)
                }
            }
        }
    }

    mutating func setFunction(row: Int, column: Int, dark: Bool) {
        modules[row][column] = dark
        isFunction[row][column] = true
    }

    /// Flips every data module the mask selects; applying the same pattern again undoes it.
    mutating func apply(_ mask: QRMask) {
        for row in 0..<size {
            for column in 0..<size where !isFunction[row][column] && mask.inverts(row: row, column: column) {
                modules[row][column].toggle()
            }
        }
    }

    /// Lays the codewords' bits, most significant first, in two-module columns from the bottom right,
    /// going up and down in turn and stepping over the vertical timing pattern (ISO/IEC 18004 §7.7.3).
    /// Modules left over at the end are remainder bits and stay light.
    mutating func place(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bit = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in [right, right - 1] where !isFunction[row][column] && bit < bitCount {
                    modules[row][column] = (codewords[bit >> 3] >> (7 - (bit & 7))) & 1 == 1
                    bit += 1
                }
            }
            right -= 2
        }
    }

    /// A 7×7 finder with its light separator: concentric squares at distance 0–1 dark, 2 light, 3 dark, 4 light.
    private mutating func drawFinder(row: Int, column: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let (r, c) = (row + dy, column + dx)
                guard (0..<size).contains(r), (0..<size).contains(c) else { continue }
                let distance = max(abs(dx), abs(dy))
                setFunction(row: r, column: c, dark: distance != 2 && distance != 4)
            }
        }
    }

    /// A 5×5 alignment pattern: dark centre, light ring, dark border.
    private mutating func drawAlignment(row: Int, column: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(row: row + dy, column: column + dx, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }
}

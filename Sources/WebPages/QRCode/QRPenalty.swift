/// The penalty a masked symbol scores for features that hinder reading (ISO/IEC 18004 §7.8.3, Table 11).
/// Where the standard leaves room for reading, this follows segno, the reference the tests compare with.
struct QRPenalty: Sendable, Equatable {
    /// Runs of five or more same-coloured modules in a row or column: 3, plus 1 per module beyond five.
    private(set) var runs = 0
    /// Each 2×2 square of one colour, overlapping squares counted separately: 3 each.
    private(set) var blocks = 0
    /// Each 1:1:3:1:1 dark–light pattern with four light modules (fewer at the edge) on either side: 40 each.
    private(set) var finderLookalikes = 0
    /// 10 for every full 5 percent the share of dark modules strays from one half.
    private(set) var imbalance = 0

    var total: Int { runs + blocks + finderLookalikes + imbalance }

    init(_ modules: [[Bool]]) {
        let size = modules.count
        let columns = (0..<size).map { column in modules.map { $0[column] } }
        for line in modules + columns {
            runs += Self.runPenalty(line)
            finderLookalikes += 40 * Self.finderLookalikeCount(line)
        }
        for (above, row) in zip(modules, modules.dropFirst()) {
            for column in 1..<size {
                let colour = row[column]
                if row[column - 1] == colour, above[column] == colour, above[column - 1] == colour {
                    blocks += 3
                }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.count(where: { $0 }) }
        // Computed in floating point exactly as the reference does, so a share that lands on a
        // 5 percent boundary rounds the same way there and here.
        let percent = Double(dark) / Double(size * size)
        imbalance = 10 * Int(abs(percent * 100 - 50) / 5)
    }

    private static func runPenalty(_ line: [Bool]) -> Int {
        var penalty = 0
        var length = 0
        var previous: Bool?
        for module in line {
            if module == previous {
                length += 1
            } else {
                if length >= 5 { penalty += length - 2 }
                length = 1
                previous = module
            }
        }
        if length >= 5 { penalty += length - 2 }
        return penalty
    }

    /// dark, light, dark ×3, light, dark as the low seven bits of a sliding window, first module highest.
    private static let finderPattern = 0b101_1101

    /// Counts dark-light-dark×3-light-dark with four light modules before or after it; the symbol's edge
    /// counts as light. A counted match hides any other starting inside it, as in the reference.
    private static func finderLookalikeCount(_ line: [Bool]) -> Int {
        var count = 0
        var window = 0
        var earliestStart = 0
        for (index, module) in line.enumerated() {
            window = (window << 1 | (module ? 1 : 0)) & 0x7F
            let start = index - 6
            guard start >= earliestStart, window == finderPattern else { continue }
            let lightBefore = !line[max(start - 4, 0)..<start].contains(true)
            let lightAfter = !line[(index + 1)..<min(index + 5, line.count)].contains(true)
            if lightBefore || lightAfter {
                count += 1
                earliestStart = index + 1
            }
        }
        return count
    }
}

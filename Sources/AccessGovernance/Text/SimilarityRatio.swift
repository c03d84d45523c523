/// The similarity of two strings as Python's `difflib.SequenceMatcher(None, a, b).ratio()` computes it:
/// Ratcliff/Obershelp, twice the matched characters over the total. Matching finds the longest common
/// block, then recurses on each side of it; ties go to the block starting first in `a`, then in `b`.
/// (difflib's automatic junk heuristic only starts at 200 characters, longer than any name.)
enum SimilarityRatio {
    static func of(_ a: String, _ b: String) -> Double {
        let left = Array(a.unicodeScalars), right = Array(b.unicodeScalars)
        let total = left.count + right.count
        guard total > 0 else { return 1 }
        return 2 * Double(matchedCount(left, right)) / Double(total)
    }

    private static func matchedCount(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var positions: [Unicode.Scalar: [Int]] = [:]
        for (index, scalar) in b.enumerated() { positions[scalar, default: []].append(index) }
        var matched = 0
        var queue = [(0, a.count, 0, b.count)]
        while let (aLow, aHigh, bLow, bHigh) = queue.popLast() {
            let (i, j, size) = longestMatch(a, positions, aLow, aHigh, bLow, bHigh)
            guard size > 0 else { continue }
            matched += size
            if aLow < i && bLow < j { queue.append((aLow, i, bLow, j)) }
            if i + size < aHigh && j + size < bHigh { queue.append((i + size, aHigh, j + size, bHigh)) }
        }
        return matched
    }

    /// difflib's `find_longest_match` without junk: the earliest longest block within the bounds.
    private static func longestMatch(_ a: [Unicode.Scalar], _ positions: [Unicode.Scalar: [Int]],
                                     _ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int, Int) {
        var bestI = aLow, bestJ = bLow, bestSize = 0
        var lengths: [Int: Int] = [:]
        for i in aLow..<aHigh {
            var next: [Int: Int] = [:]
            for j in positions[a[i]] ?? [] {
                if j < bLow { continue }
                if j >= bHigh { break }
                let size = (lengths[j - 1] ?? 0) + 1
                next[j] = size
                if size > bestSize {
                    bestI = i - size + 1
                    bestJ = j - size + 1
                    bestSize = size
                }
            }
            lengths = next
        }
        return (bestI, bestJ, bestSize)
    }
}

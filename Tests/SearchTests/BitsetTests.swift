import Domain
import Testing
@testable import Search

@Suite("Bitset")
struct BitsetTests {
    static func random(count: Int, density: Double, generator: inout SplitMix64) -> Bitset {
        var set = Bitset(count: count)
        for member in 0..<count where Double(generator.next() % 1_000) / 1_000 < density { set.insert(member) }
        return set
    }

    @Test("the intersection count equals the members both sets hold, whatever the size's remainder of four words",
          arguments: [0, 1, 63, 64, 65, 191, 256, 257, 1_000, 4_097])
    func intersectionCount(count: Int) {
        var generator = SplitMix64(seed: UInt64(count) &+ 7)
        let left = Self.random(count: count, density: 0.4, generator: &generator)
        let right = Self.random(count: count, density: 0.6, generator: &generator)
        let both = (0..<count).filter { left.contains($0) && right.contains($0) }.count
        #expect(left.intersectionCount(right) == both)
        #expect(left.intersectionCount(right) == left.intersection(right).cardinality)
        #expect(left.intersectionCount(left) == left.cardinality)
    }

    @Test("a value's documents count the same against a result whether kept as a list (rare) or a bitset (common)",
          arguments: [0.005, 0.014, 0.016, 0.3])
    func documentSetCounts(density: Double) {
        var generator = SplitMix64(seed: UInt64(density * 1_000))
        let count = 10_000
        let result = Self.random(count: count, density: 0.5, generator: &generator)
        let members = (0..<count).filter { _ in Double(generator.next() % 1_000) / 1_000 < density }.map(UInt32.init)
        let set = DocumentSet(documents: members, segmentCount: count)
        switch set {
        case .sparse: #expect(members.count * 64 <= count)
        case .dense: #expect(members.count * 64 > count)
        }
        #expect(set.intersectionCount(result) == members.filter { result.contains(Int($0)) }.count)
    }
}
